/*
 * AuthWatch chat page, built on /js/authwatch-client.js. Plain JavaScript, no build step.
 * The tokens live in sessionStorage (this tab only); the refresh token is used one request at a time,
 * since presenting a used refresh token twice revokes the whole login (token reuse).
 */
import { AuthWatchClient } from '/js/authwatch-client.js';

const TOKENS_KEY = 'authwatch.chat.tokens';
const FRESH_FOR_MS = 5000;
const MAX_LOG_ENTRIES = 100;

const $ = (id) => document.getElementById(id);

const page = {
	tokens: loadTokens(),
	refreshing: null,
	client: null,
	rooms: new Map(),
	activeRoom: null,
	countdown: null,
	renewedForRetry: false
};

// ---- Tokens ----

function loadTokens() {
	try {
		return JSON.parse(sessionStorage.getItem(TOKENS_KEY));
	}
	catch {
		return null;
	}
}

function keepTokens(body, guest) {
	page.tokens = {
		access: body.access_token,
		refresh: body.refresh_token ?? null,
		expiresAt: Date.now() + body.expires_in * 1000,
		guest
	};
	sessionStorage.setItem(TOKENS_KEY, JSON.stringify(page.tokens));
}

function forgetTokens() {
	page.tokens = null;
	sessionStorage.removeItem(TOKENS_KEY);
}

async function post(path, body) {
	const response = await fetch(path, {
		method: 'POST',
		headers: (body === undefined) ? {} : { 'Content-Type': 'application/json' },
		body: (body === undefined) ? undefined : JSON.stringify(body),
		credentials: 'omit'
	});
	const text = await response.text();
	return { status: response.status, ok: response.ok, body: text ? JSON.parse(text) : null };
}

/** One refresh at a time: a second concurrent use of the same refresh token would revoke the login. */
function refreshTokens() {
	if (page.refreshing === null) {
		page.refreshing = (async () => {
			const response = await post('/api/auth/refresh', { refresh_token: page.tokens.refresh });
			if (response.status === 401 || response.status === 400) {
				return null;
			}
			if (!response.ok) {
				throw new Error(`refresh answered HTTP ${response.status}`);
			}
			keepTokens(response.body, false);
			return page.tokens.access;
		})().finally(() => {
			page.refreshing = null;
		});
	}
	return page.refreshing;
}

/**
 * The client's token callback: the current token while it is fresh, otherwise a refreshed one (none
 * for guests). After refused or failed attempts it refreshes once: a server that lost the login (a
 * restarted memory store) then answers the refresh with 401, and the page asks to log in again
 * instead of retrying forever.
 */
async function getToken({ reason }) {
	const tokens = page.tokens;
	if (!tokens) {
		return null;
	}
	const fresh = tokens.expiresAt - Date.now() > FRESH_FOR_MS;
	const renew = reason === 'expired' || reason === 'reauth' || (reason === 'retry' && !page.renewedForRetry);
	if (fresh && !renew) {
		return tokens.access;
	}
	if (tokens.guest) {
		return (fresh && reason !== 'reauth' && reason !== 'expired') ? tokens.access : null;
	}
	const token = await refreshTokens();
	page.renewedForRetry = reason === 'retry' && token !== null;
	return token;
}

// ---- Connection state ----

function log(text) {
	const entry = document.createElement('li');
	entry.textContent = `${new Date().toLocaleTimeString()} ${text}`;
	const list = $('connection-log');
	list.appendChild(entry);
	while (list.children.length > MAX_LOG_ENTRIES) {
		list.firstElementChild.remove();
	}
	list.scrollTop = list.scrollHeight;
}

function showConnection(state, text) {
	stopCountdown();
	const badge = $('connection');
	badge.className = `connection state-${state}`;
	badge.dataset.state = state;
	badge.textContent = text;
	const usable = state !== 'revoked' && state !== 'stopped';
	$('text').disabled = !usable || page.activeRoom === null;
	$('send-form').querySelector('button').disabled = $('text').disabled;
}

function startCountdown(delay) {
	const until = Date.now() + delay;
	showConnection('reconnecting', reconnectingText(delay));
	page.countdown = setInterval(() => {
		$('connection').textContent = reconnectingText(Math.max(0, until - Date.now()));
	}, 200);
}

function reconnectingText(ms) {
	return `reconnecting in ${(ms / 1000).toFixed(1)} s`;
}

function stopCountdown() {
	if (page.countdown !== null) {
		clearInterval(page.countdown);
		page.countdown = null;
	}
}

function describeClose({ code, reason }) {
	return (code === null) ? reason : `${code}${reason ? ` ${reason}` : ''}`;
}

function watch(client) {
	client.on('connecting', ({ attempt }) => showConnection('connecting', attempt === 0 ? 'connecting…' : 'reconnecting…'));
	client.on('connected', ({ user }) => {
		page.renewedForRetry = false;
		showConnection('connected', 'connected');
		$('who').textContent = user;
		log(`connected as ${user}`);
	});
	client.on('reauthenticated', () => {
		showConnection('connected', 'connected · token refreshed');
		log('token refreshed');
	});
	client.on('disconnected', (close) => {
		markJoined(null);
		log(`disconnected (${describeClose(close)})`);
	});
	client.on('joined', ({ room }) => markJoined(room));
	client.on('reconnecting', ({ delay }) => {
		startCountdown(delay);
		log(reconnectingText(delay));
	});
	client.on('revoked', () => {
		showConnection('revoked', 'revoked');
		log('access revoked: log in again');
	});
	client.on('stopped', (stop) => {
		if (stop.state === 'stopped') {
			showConnection('stopped', 'stopped');
			log(`stopped (${describeClose(stop)}): log in again`);
		}
	});
	client.on('recovered', ({ room, recovered }) => log(recovered ? `${room}: caught up` : `${room}: some messages may be missing`));
	client.on('error', ({ error, reason, room }) => log(`error ${error}${reason ? ` (${reason})` : ''}${room ? ` in ${room}` : ''}`));
	client.on('message', showMessage);
	client.on('ack', ({ id, offset }) => setDelivery(id, 'acknowledged', offset));
	client.on('failed', ({ id, error }) => setDelivery(id, 'failed', undefined, error));
}

// ---- Rooms and messages ----

function joinRoom(room) {
	if (!page.rooms.has(room)) {
		const list = document.createElement('ol');
		list.className = 'messages';
		list.dataset.room = room;
		$('messages').appendChild(list);
		page.rooms.set(room, list);
		const item = document.createElement('li');
		const button = document.createElement('button');
		button.type = 'button';
		button.textContent = room;
		button.dataset.room = room;
		button.addEventListener('click', () => selectRoom(room));
		item.appendChild(button);
		$('rooms').appendChild(item);
		page.client.join(room);
	}
	selectRoom(room);
}

/** A room's button shows whether the current connection has joined it (null: none has). */
function markJoined(room) {
	for (const button of $('rooms').querySelectorAll('button')) {
		if (room === null) {
			delete button.dataset.joined;
		}
		else if (button.dataset.room === room) {
			button.dataset.joined = 'true';
		}
	}
}

function selectRoom(room) {
	page.activeRoom = room;
	$('room-title').textContent = room;
	for (const [name, list] of page.rooms) {
		list.hidden = name !== room;
	}
	for (const button of $('rooms').querySelectorAll('button')) {
		button.classList.toggle('active', button.dataset.room === room);
	}
	const usable = !page.client.isStopped();
	$('text').disabled = !usable;
	$('send-form').querySelector('button').disabled = !usable;
	$('text').focus();
}

function messageItem(from, text) {
	const item = document.createElement('li');
	item.className = 'message';
	item.dataset.from = from;
	const who = document.createElement('span');
	who.className = 'from';
	who.textContent = from;
	const body = document.createElement('span');
	body.className = 'text';
	body.textContent = text;
	item.append(who, body);
	return item;
}

function sendMessage(text) {
	const room = page.activeRoom;
	const id = page.client.send(room, text);
	const item = messageItem(page.client.user ?? 'me', text);
	item.dataset.id = id;
	const delivery = document.createElement('span');
	delivery.className = 'delivery';
	item.appendChild(delivery);
	page.rooms.get(room).appendChild(item);
	setDelivery(id, 'sending');
}

function findMessage(id) {
	return [...$('messages').querySelectorAll('li.message')].find((item) => item.dataset.id === id);
}

function setDelivery(id, state, offset, error) {
	const item = findMessage(id);
	if (!item) {
		return;
	}
	const delivery = item.querySelector('.delivery');
	delivery.dataset.state = state;
	delivery.textContent = (state === 'failed' && error) ? `failed (${error})` : state;
	if (offset !== undefined) {
		item.dataset.offset = String(offset);
	}
}

function showMessage(message) {
	const list = page.rooms.get(message.room);
	if (!list) {
		return;
	}
	const own = (message.id !== undefined && message.from === page.client.user) ? findMessage(message.id) : undefined;
	if (own && own.querySelector('.delivery')) {
		own.dataset.from = message.from;
		own.querySelector('.from').textContent = message.from;
		own.dataset.offset = String(message.offset);
		return;
	}
	const item = messageItem(message.from, message.text);
	if (message.id !== undefined) {
		item.dataset.id = message.id;
	}
	if (message.offset !== undefined) {
		item.dataset.offset = String(message.offset);
	}
	list.appendChild(item);
	list.scrollTop = list.scrollHeight;
}

// ---- Log in and out ----

function startChat() {
	$('login').hidden = true;
	$('chat').hidden = false;
	$('logout').hidden = false;
	page.client = new AuthWatchClient({ getToken });
	watch(page.client);
	page.client.connect();
	$('room').value = 'lobby';
	$('room').focus();
}

async function logIn(event) {
	event.preventDefault();
	await authenticate(() => post('/api/auth/login', { username: $('username').value, password: $('password').value }), false);
}

async function logInAsGuest() {
	await authenticate(() => post('/api/auth/guest'), true);
}

async function authenticate(request, guest) {
	$('login-error').textContent = '';
	try {
		const response = await request();
		if (!response.ok) {
			$('login-error').textContent = response.body?.message ?? `Login failed (HTTP ${response.status}).`;
			return;
		}
		keepTokens(response.body, guest);
		$('password').value = '';
		startChat();
	}
	catch (error) {
		$('login-error').textContent = `Login failed: ${error.message}`;
	}
}

async function logOut() {
	const tokens = page.tokens;
	page.client?.close();
	forgetTokens();
	if (tokens?.refresh) {
		await post('/api/auth/logout', { refresh_token: tokens.refresh }).catch(() => undefined);
	}
	location.reload();
}

$('login-form').addEventListener('submit', logIn);
$('guest').addEventListener('click', logInAsGuest);
$('logout').addEventListener('click', logOut);
$('join-form').addEventListener('submit', (event) => {
	event.preventDefault();
	joinRoom($('room').value.trim());
	$('room').value = '';
});
$('send-form').addEventListener('submit', (event) => {
	event.preventDefault();
	const text = $('text').value;
	if (text && page.activeRoom !== null) {
		sendMessage(text);
		$('text').value = '';
	}
});

if (page.tokens) {
	startChat();
}
