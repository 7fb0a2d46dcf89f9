/*
 * AuthWatch chat client (SPEC §10, §11): a dependency-free ES module for browsers and Node >= 20.
 * Documentation: docs/client.md. Types: authwatch-client.d.ts.
 *
 * One AuthWatchClient keeps one logical connection to /ws/chat alive: it asks the application for
 * tokens, re-authenticates in band before the credential expires, reconnects with full-jitter
 * exponential backoff, follows the server's close codes, rejoins its rooms asking for what it missed
 * and resends what the server has not acknowledged (same id: the server acknowledges a resend without
 * broadcasting it twice).
 */

const DEFAULT_BACKOFF = Object.freeze({ initialDelay: 500, maxDelay: 20000, multiplier: 2, resetAfter: 5000 });
const DEFAULT_REAUTH_MARGIN = 60000;
/** Half the server's default budget (authwatch.websocket.max-messages-per-second, 20): a resend burst must not get the connection closed. */
const DEFAULT_MAX_FRAMES_PER_SECOND = 10;
const REAUTH_MIN_DELAY = 1000;
const REAUTH_RETRY_DELAY = 5000;
const SEEN_IDS_PER_ROOM = 1000;

/** Join errors after which asking again makes no sense: the room name or the room count is wrong. */
const PERMANENT_JOIN_ERRORS = new Set(['invalid_room', 'too_many_rooms']);

/** The server could not read the room's history (its store unavailable): the same join, a little later. */
const TRANSIENT_JOIN_ERROR = 'not_joined';

/**
 * What a close code asks of the client: `refresh` (get a new token, then reconnect), `revoked` and
 * `stop` (terminal) or `reconnect` (with backoff). The server's codes: 1001 shutdown, 1003 binary
 * frame, 1008 policy (origin, rate, size, reauth as another user), 1011 server error, 1013 slow consumer,
 * 4001 token expired, 4003 revoked, 4500 heartbeat timeout; 1006 is any connection lost without a
 * close frame, a refused handshake included.
 */
export function closeAction(code) {
	switch (code) {
		case 4001:
			return 'refresh';
		case 4003:
			return 'revoked';
		case 1002:
		case 1003:
		case 1007:
		case 1008:
		case 1009:
		case 1010:
			return 'stop';
		default:
			return 'reconnect';
	}
}

/** Full jitter: a uniformly random wait in [0, min(maxDelay, initialDelay * multiplier^attempt)). */
export function backoffDelay(attempt, backoff, random) {
	const ceiling = Math.min(backoff.maxDelay, backoff.initialDelay * Math.pow(backoff.multiplier, attempt));
	return Math.floor(random() * ceiling);
}

/**
 * When to re-authenticate: `margin` before expiry, but never later than two thirds into what is left
 * (short-lived tokens) and never sooner than a second from now (a client clock ahead of the server's
 * would otherwise re-authenticate in a loop).
 */
export function reauthDelay(expiresAt, now, margin) {
	const remaining = expiresAt - now;
	return Math.max(REAUTH_MIN_DELAY, remaining - Math.min(margin, remaining / 3));
}

function defaultUrl() {
	if (typeof location === 'undefined') {
		throw new TypeError('AuthWatchClient: options.url is required outside a browser');
	}
	const url = new URL('/ws/chat', location.href);
	url.protocol = (url.protocol === 'https:') ? 'wss:' : 'ws:';
	return url.href;
}

function ticketUrlFor(socketUrl) {
	const url = new URL('/api/auth/ticket', socketUrl);
	url.protocol = (url.protocol === 'wss:') ? 'https:' : 'http:';
	return url.href;
}

function defaultId() {
	return globalThis.crypto.randomUUID();
}

export class AuthWatchClient {

	constructor(options) {
		if (!options || typeof options.getToken !== 'function') {
			throw new TypeError('AuthWatchClient: options.getToken (async function returning an access token) is required');
		}
		this.url = options.url ?? defaultUrl();
		this.getToken = options.getToken;
		this.credential = options.credential ?? 'bearer';
		this.ticketUrl = options.ticketUrl ?? ticketUrlFor(this.url);
		this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
		this.reauthMargin = options.reauthMargin ?? DEFAULT_REAUTH_MARGIN;
		this.maxFramesPerSecond = options.maxFramesPerSecond ?? DEFAULT_MAX_FRAMES_PER_SECOND;
		this.WebSocket = options.WebSocket ?? globalThis.WebSocket;
		this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
		this.now = options.now ?? (() => Date.now());
		this.timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (t) => clearTimeout(t) };
		this.random = options.random ?? Math.random;
		this.newId = options.newId ?? defaultId;
		if (typeof this.WebSocket !== 'function') {
			throw new TypeError('AuthWatchClient: no WebSocket implementation; pass options.WebSocket (Node 20: the ws package)');
		}
		this.listeners = new Map();
		this.state = 'idle';
		this.user = null;
		this.expiresAt = null;
		this.rooms = new Set();
		this.lastOffsets = new Map();
		this.seenIds = new Map();
		this.pending = new Map();
		this.socket = null;
		this.connection = null;
		this.attempt = 0;
		this.tokenReason = 'connect';
		this.retryTimer = null;
		this.reauthTimer = null;
	}

	// ---- The application's side ----

	on(type, listener) {
		if (!this.listeners.has(type)) {
			this.listeners.set(type, new Set());
		}
		this.listeners.get(type).add(listener);
		return () => this.listeners.get(type).delete(listener);
	}

	connect() {
		if (this.state === 'idle') {
			this.openConnection();
		}
	}

	join(room) {
		this.rooms.add(room);
		if (this.connection) {
			this.sendJoin(room);
		}
	}

	leave(room) {
		this.rooms.delete(room);
		for (const entry of [...this.pending.values()].filter((candidate) => candidate.room === room)) {
			this.fail(entry.id, { error: 'left_room', message: 'The room was left before the server acknowledged the message.' });
		}
		if (this.connection) {
			this.connection.readyRooms.delete(room);
			this.transmit({ type: 'leave', room });
		}
	}

	/** Queues a message until the server acknowledges it; returns its id. */
	send(room, text) {
		if (!this.rooms.has(room)) {
			throw new Error(`AuthWatchClient: join room '${room}' before sending to it`);
		}
		if (this.isStopped()) {
			throw new Error(`AuthWatchClient: the client is ${this.state}`);
		}
		const entry = { id: this.newId(), room, text, sentOn: null };
		this.pending.set(entry.id, entry);
		this.flushRoom(room);
		return entry.id;
	}

	/** Closes the connection for good (1000); unacknowledged messages fail with `stopped`. */
	close() {
		if (this.isStopped()) {
			return;
		}
		const socket = this.socket;
		this.stop('stopped', { code: 1000, reason: 'closed by the application' });
		if (socket) {
			socket.close(1000, 'client closed');
		}
	}

	isStopped() {
		return this.state === 'stopped' || this.state === 'revoked';
	}

	// ---- Connecting ----

	async openConnection() {
		this.setState('connecting');
		this.emit('connecting', { attempt: this.attempt });
		const reason = this.tokenReason;
		let socket;
		try {
			const token = await this.getToken({ reason });
			if (this.state !== 'connecting') {
				return;
			}
			if (!token) {
				this.stop('stopped', { code: null, reason: 'no token' });
				return;
			}
			socket = await this.openSocket(token);
		}
		catch (error) {
			if (this.state === 'connecting') {
				this.emit('error', { error: 'connect_failed', message: String(error && error.message || error) });
				this.scheduleReconnect({ code: null, reason: 'connect failed' }, false);
			}
			return;
		}
		if (this.state !== 'connecting') {
			socket.close(1000, 'client closed');
			return;
		}
		this.socket = socket;
		socket.onmessage = (event) => {
			if (this.socket === socket) {
				this.receive(event.data);
			}
		};
		socket.onclose = (event) => {
			if (this.socket === socket) {
				this.closed(event.code, event.reason);
			}
		};
	}

	async openSocket(token) {
		if (this.credential === 'ticket') {
			const ticket = await this.fetchTicket(token);
			const url = new URL(this.url);
			url.searchParams.set('ticket', ticket);
			return new this.WebSocket(url.href);
		}
		return new this.WebSocket(this.url, ['bearer', token]);
	}

	async fetchTicket(token) {
		const response = await this.fetch(this.ticketUrl, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
		if (!response.ok) {
			if (response.status === 401) {
				this.tokenReason = 'expired';
			}
			throw new Error(`ticket refused with HTTP ${response.status}`);
		}
		return (await response.json()).ticket;
	}

	welcomed(frame) {
		this.user = frame.user;
		this.connection = {
			openedAt: this.now(), readyRooms: new Set(), awaitingJoin: new Map(),
			outbox: [], budget: this.maxFramesPerSecond, budgetAt: this.now(), drainTimer: null
		};
		this.tokenReason = 'reconnect';
		this.setState('connected');
		this.emit('connected', { user: frame.user, method: frame.method, expiresAt: frame.expiresAt });
		this.scheduleReauth(frame.expiresAt, this.reauthMargin);
		for (const room of this.rooms) {
			this.sendJoin(room);
		}
	}

	sendJoin(room, gapLost = false) {
		const since = this.lastOffsets.get(room);
		this.connection.awaitingJoin.set(room, { since, gapLost });
		this.transmit((since === undefined) ? { type: 'join', room } : { type: 'join', room, since });
	}

	// ---- Closing and reconnecting ----

	closed(code, reason) {
		const connection = this.connection;
		this.clearConnection();
		const action = closeAction(code);
		if (action === 'revoked') {
			this.stop('revoked', { code, reason });
			return;
		}
		if (action === 'stop') {
			this.stop('stopped', { code, reason });
			return;
		}
		if (action === 'refresh') {
			this.tokenReason = 'expired';
		}
		else if (connection === null) {
			// Refused or unreachable: the application may want to renew a credential the server no longer accepts.
			this.tokenReason = 'retry';
		}
		const stable = connection !== null && this.now() - connection.openedAt >= this.backoff.resetAfter;
		this.scheduleReconnect({ code, reason }, stable);
	}

	scheduleReconnect(close, stable) {
		if (stable) {
			this.attempt = 0;
		}
		const delay = backoffDelay(this.attempt, this.backoff, this.random);
		this.attempt++;
		this.setState('reconnecting');
		this.emit('disconnected', { code: close.code, reason: close.reason, reconnect: true });
		this.emit('reconnecting', { attempt: this.attempt, delay });
		this.retryTimer = this.timers.setTimeout(() => {
			this.retryTimer = null;
			this.openConnection();
		}, delay);
	}

	stop(state, close) {
		const wasConnected = this.socket !== null;
		this.clearConnection();
		if (this.retryTimer !== null) {
			this.timers.clearTimeout(this.retryTimer);
			this.retryTimer = null;
		}
		this.setState(state);
		for (const id of [...this.pending.keys()]) {
			this.fail(id, { error: state, message: `The connection was ${state} before the server acknowledged the message.` });
		}
		if (wasConnected || close.code !== null) {
			this.emit('disconnected', { code: close.code, reason: close.reason, reconnect: false });
		}
		if (state === 'revoked') {
			this.emit('revoked', { code: close.code, reason: close.reason });
		}
		this.emit('stopped', { state, code: close.code, reason: close.reason });
	}

	clearConnection() {
		if (this.connection && this.connection.drainTimer !== null) {
			this.timers.clearTimeout(this.connection.drainTimer);
		}
		if (this.reauthTimer !== null) {
			this.timers.clearTimeout(this.reauthTimer);
			this.reauthTimer = null;
		}
		if (this.socket) {
			this.socket.onmessage = null;
			this.socket.onclose = null;
		}
		this.socket = null;
		this.connection = null;
	}

	// ---- Re-authentication ----

	scheduleReauth(expiresAt, margin) {
		const expiry = Date.parse(expiresAt);
		if (Number.isNaN(expiry)) {
			return;
		}
		this.expiresAt = expiry;
		if (this.reauthTimer !== null) {
			this.timers.clearTimeout(this.reauthTimer);
		}
		const delay = (margin === null) ? REAUTH_RETRY_DELAY : reauthDelay(expiry, this.now(), margin);
		this.reauthTimer = this.timers.setTimeout(() => {
			this.reauthTimer = null;
			this.reauthenticate();
		}, delay);
	}

	async reauthenticate() {
		const connection = this.connection;
		let token;
		try {
			token = await this.getToken({ reason: 'reauth' });
		}
		catch (error) {
			this.emit('error', { error: 'reauth_failed', message: String(error && error.message || error) });
			token = null;
		}
		if (this.connection !== connection || connection === null) {
			return;
		}
		if (token) {
			this.transmit({ type: 'reauth', token });
		}
		else if (this.expiresAt - this.now() > REAUTH_RETRY_DELAY) {
			this.scheduleReauth(new Date(this.expiresAt).toISOString(), null);
		}
	}

	// ---- Frames from the server ----

	receive(data) {
		let frame;
		try {
			frame = JSON.parse(data);
		}
		catch {
			this.emit('error', { error: 'invalid_json', message: 'The server sent a frame that is not JSON.' });
			return;
		}
		switch (frame.type) {
			case 'welcome':
				this.welcomed(frame);
				break;
			case 'joined':
				this.joined(frame);
				break;
			case 'message':
				this.message(frame);
				break;
			case 'ack':
				this.acknowledged(frame.id, frame.room, frame.offset);
				break;
			case 'reauthenticated':
				this.emit('reauthenticated', { expiresAt: frame.expiresAt });
				this.scheduleReauth(frame.expiresAt, this.reauthMargin);
				break;
			case 'error':
				this.serverError(frame);
				break;
			default:
				this.emit('frame', frame);
		}
	}

	joined(frame) {
		const room = frame.room;
		if (!this.connection || !this.connection.awaitingJoin.has(room)) {
			return;
		}
		const { since, gapLost } = this.connection.awaitingJoin.get(room);
		this.connection.awaitingJoin.delete(room);
		this.emit('joined', { room, recovered: frame.recovered });
		if (since !== undefined || gapLost) {
			this.emit('recovered', { room, recovered: frame.recovered === true && !gapLost });
		}
		this.connection.readyRooms.add(room);
		this.flushRoom(room);
	}

	message(frame) {
		if (this.isReplayed(frame)) {
			return;
		}
		if (typeof frame.offset === 'number') {
			this.lastOffsets.set(frame.room, frame.offset);
		}
		if (!this.firstSighting(frame)) {
			return;
		}
		if (frame.from === this.user && this.pending.has(frame.id)) {
			// Our own message, stored and broadcast: as good as its ack, which a lost connection may have eaten.
			this.acknowledged(frame.id, frame.room, frame.offset);
		}
		this.emit('message', {
			room: frame.room, from: frame.from, text: frame.text, sentAt: frame.sentAt, offset: frame.offset, id: frame.id
		});
	}

	/** A message at or below the room's last offset was delivered already (a recovery overlapping what arrived live). */
	isReplayed(frame) {
		const last = this.lastOffsets.get(frame.room);
		return typeof frame.offset === 'number' && last !== undefined && frame.offset <= last;
	}

	/**
	 * Whether this sender's message id is new in the room. A resend the server could not recognise (its
	 * dedup window lost in a restart of a memory store) comes back with a new offset but the same id.
	 */
	firstSighting(frame) {
		if (frame.id === undefined) {
			return true;
		}
		let seen = this.seenIds.get(frame.room);
		if (seen === undefined) {
			seen = new Set();
			this.seenIds.set(frame.room, seen);
		}
		const key = `${frame.from}\n${frame.id}`;
		if (seen.has(key)) {
			return false;
		}
		seen.add(key);
		if (seen.size > SEEN_IDS_PER_ROOM) {
			seen.delete(seen.values().next().value);
		}
		return true;
	}

	acknowledged(id, room, offset) {
		if (this.pending.delete(id)) {
			this.emit('ack', { id, room, offset });
		}
	}

	serverError(frame) {
		if (frame.error === 'reauth_failed') {
			this.emit('error', { error: frame.error, reason: frame.reason, message: frame.message });
			if (this.expiresAt - this.now() > REAUTH_RETRY_DELAY) {
				this.scheduleReauth(new Date(this.expiresAt).toISOString(), null);
			}
			return;
		}
		if (frame.id !== undefined && this.pending.has(frame.id)) {
			this.fail(frame.id, { error: frame.error, message: frame.message });
			return;
		}
		if (frame.room !== undefined && this.connection && this.connection.awaitingJoin.has(frame.room)) {
			this.joinRefused(frame);
			return;
		}
		this.emit('error', { error: frame.error, message: frame.message, room: frame.room, id: frame.id });
	}

	/**
	 * A join was refused. When the server could not read the room's history, the same join is asked
	 * again after a jittered delay. With a `since` the server does not know (`unknown_offset`: the
	 * store lost the room and it has had no message since), ask for everything it kept (`since` 0),
	 * then for nothing, and report the recovery incomplete; ids seen before still filter resends.
	 * Otherwise the room cannot be joined: its unsent messages fail.
	 */
	joinRefused(frame) {
		const room = frame.room;
		const connection = this.connection;
		const { since, gapLost } = connection.awaitingJoin.get(room);
		connection.awaitingJoin.delete(room);
		if (frame.error === TRANSIENT_JOIN_ERROR) {
			this.emit('error', { error: frame.error, message: frame.message, room });
			this.timers.setTimeout(() => {
				if (this.connection === connection && this.rooms.has(room)) {
					this.sendJoin(room, gapLost);
				}
			}, backoffDelay(2, this.backoff, this.random));
			return;
		}
		if (since !== undefined && !PERMANENT_JOIN_ERRORS.has(frame.error)) {
			if (since === 0) {
				this.lastOffsets.delete(room);
			}
			else {
				this.lastOffsets.set(room, 0);
			}
			this.sendJoin(room, true);
			return;
		}
		this.rooms.delete(room);
		this.emit('error', { error: frame.error, message: frame.message, room });
		for (const entry of [...this.pending.values()].filter((candidate) => candidate.room === room)) {
			this.fail(entry.id, { error: frame.error, message: frame.message });
		}
	}

	// ---- Sending ----

	/** Sends the room's queued messages that this connection has not carried yet, oldest first. */
	flushRoom(room) {
		if (!this.connection || !this.connection.readyRooms.has(room)) {
			return;
		}
		for (const entry of this.pending.values()) {
			if (entry.room === room && entry.sentOn !== this.connection) {
				entry.sentOn = this.connection;
				this.transmit({ type: 'message', room, text: entry.text, id: entry.id });
			}
		}
	}

	fail(id, failure) {
		const entry = this.pending.get(id);
		if (entry) {
			this.pending.delete(id);
			this.emit('failed', { id, room: entry.room, error: failure.error, message: failure.message });
		}
	}

	/** Frames leave at most `maxFramesPerSecond` a second (a token bucket), in order: the server closes a connection that sends faster. */
	transmit(frame) {
		this.connection.outbox.push(JSON.stringify(frame));
		this.drainOutbox(this.connection);
	}

	drainOutbox(connection) {
		if (connection.drainTimer !== null) {
			return;
		}
		const now = this.now();
		connection.budget = Math.min(this.maxFramesPerSecond,
				connection.budget + (now - connection.budgetAt) * this.maxFramesPerSecond / 1000);
		connection.budgetAt = now;
		while (connection.outbox.length > 0 && connection.budget >= 1) {
			connection.budget -= 1;
			this.socket.send(connection.outbox.shift());
		}
		if (connection.outbox.length > 0) {
			const wait = Math.ceil((1 - connection.budget) * 1000 / this.maxFramesPerSecond);
			connection.drainTimer = this.timers.setTimeout(() => {
				connection.drainTimer = null;
				if (this.connection === connection) {
					this.drainOutbox(connection);
				}
			}, wait);
		}
	}

	// ---- Events ----

	setState(state) {
		if (this.state !== state) {
			const previous = this.state;
			this.state = state;
			this.emit('state', { state, previous });
		}
	}

	emit(type, detail) {
		const listeners = this.listeners.get(type);
		if (!listeners) {
			return;
		}
		for (const listener of [...listeners]) {
			try {
				listener(detail);
			}
			catch (error) {
				// A failing listener must not break the connection's state machine; report it like an uncaught error.
				queueMicrotask(() => {
					throw error;
				});
			}
		}
	}

}
