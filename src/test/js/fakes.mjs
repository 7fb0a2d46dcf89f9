// Test doubles for authwatch-client.js: a WebSocket the test plays the server of, and a clock with timers
// that only move when the test says so.
import { AuthWatchClient } from '../../main/resources/static/js/authwatch-client.js';

/** Lets the client's pending promise continuations (token callback, ticket fetch) run. */
export function settle() {
	return new Promise((resolve) => setImmediate(resolve));
}

export class ManualTimers {

	constructor() {
		this.now = 0;
		this.nextId = 1;
		this.scheduled = new Map();
	}

	setTimeout(callback, delay) {
		const id = this.nextId++;
		this.scheduled.set(id, { at: this.now + delay, delay, callback });
		return id;
	}

	clearTimeout(id) {
		this.scheduled.delete(id);
	}

	/** The delays of the timers still waiting, in the order they were set. */
	delays() {
		return [...this.scheduled.values()].map((timer) => timer.delay);
	}

	/** Moves the clock forward, running every timer that falls due on the way, each at its own time. */
	async advance(ms) {
		const end = this.now + ms;
		for (;;) {
			const due = [...this.scheduled.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) {
				break;
			}
			const [id, timer] = due;
			this.scheduled.delete(id);
			this.now = timer.at;
			timer.callback();
			await settle();
		}
		this.now = end;
		await settle();
	}

}

export class FakeSocket {

	constructor(url, protocols) {
		this.url = url;
		this.protocols = protocols;
		this.sent = [];
		this.closedWith = null;
		this.onmessage = null;
		this.onclose = null;
	}

	send(data) {
		this.sent.push(JSON.parse(data));
	}

	close(code, reason) {
		this.closedWith = { code, reason };
	}

	// ---- The server's side ----

	receive(frame) {
		this.onmessage?.({ data: JSON.stringify(frame) });
	}

	welcome(user = 'alice', expiresAt = '2030-01-01T00:00:00Z') {
		this.receive({ type: 'welcome', user, method: 'jwt', expiresAt });
	}

	serverClose(code, reason = '') {
		this.onclose?.({ code, reason });
	}

	sentOfType(type) {
		return this.sent.filter((frame) => frame.type === type);
	}

}

export const EVENT_TYPES = ['state', 'connecting', 'connected', 'disconnected', 'reconnecting', 'revoked', 'stopped',
	'reauthenticated', 'joined', 'recovered', 'message', 'ack', 'failed', 'error'];

/**
 * A client wired to fakes. Tokens are `token-1`, `token-2`, … in the order asked for; ids `m1`, `m2`, …;
 * `random` is 0.5 unless given.
 */
export function harness(options = {}) {
	const timers = new ManualTimers();
	const sockets = [];
	class Socket extends FakeSocket {
		constructor(url, protocols) {
			super(url, protocols);
			sockets.push(this);
		}
	}
	const tokenReasons = [];
	let ids = 0;
	const client = new AuthWatchClient({
		url: 'ws://chat.test/ws/chat',
		getToken: async ({ reason }) => {
			tokenReasons.push(reason);
			return `token-${tokenReasons.length}`;
		},
		WebSocket: Socket,
		now: () => timers.now,
		timers,
		random: () => 0.5,
		newId: () => `m${++ids}`,
		...options
	});
	const events = [];
	for (const type of EVENT_TYPES) {
		client.on(type, (detail) => events.push({ type, ...detail }));
	}
	return {
		client, timers, sockets, events, tokenReasons,
		socket: () => sockets.at(-1),
		eventsOf: (type) => events.filter((event) => event.type === type)
	};
}

/** A harness whose client is connected (welcomed) and has joined the given rooms. */
export async function connected(rooms = [], options = {}) {
	const h = harness(options);
	rooms.forEach((room) => h.client.join(room));
	h.client.connect();
	await settle();
	h.socket().welcome();
	rooms.forEach((room) => h.socket().receive({ type: 'joined', room }));
	return h;
}
