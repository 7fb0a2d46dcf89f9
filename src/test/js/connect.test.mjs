import { test } from 'node:test';
import assert from 'node:assert/strict';

import { AuthWatchClient } from '../../main/resources/static/js/authwatch-client.js';
import { harness, settle } from './fakes.mjs';

test('the token travels as the bearer subprotocol pair', async () => {
	const h = harness();
	h.client.connect();
	await settle();
	assert.equal(h.socket().url, 'ws://chat.test/ws/chat');
	assert.deepEqual(h.socket().protocols, ['bearer', 'token-1']);
	assert.deepEqual(h.eventsOf('connecting'), [{ type: 'connecting', attempt: 0 }]);
	h.socket().welcome('alice', '2030-01-01T00:00:00Z');
	assert.deepEqual(h.eventsOf('connected'), [{ type: 'connected', user: 'alice', method: 'jwt', expiresAt: '2030-01-01T00:00:00Z' }]);
});

test('with credential "ticket" the token buys a single-use ticket that goes in the query', async () => {
	const requests = [];
	const h = harness({
		credential: 'ticket',
		url: 'wss://chat.test/ws/chat',
		fetch: async (url, init) => {
			requests.push({ url, init });
			return { ok: true, status: 200, json: async () => ({ ticket: 'T/1+', expires_in: 30 }) };
		}
	});
	h.client.connect();
	await settle();
	assert.deepEqual(requests, [{ url: 'https://chat.test/api/auth/ticket', init: { method: 'POST', headers: { Authorization: 'Bearer token-1' } } }]);
	assert.equal(h.socket().url, 'wss://chat.test/ws/chat?ticket=T%2F1%2B');
	assert.equal(h.socket().protocols, undefined);
});

test('a ticket refused with 401 is retried with backoff and a token asked for as expired', async () => {
	let answers = [401, 200];
	const h = harness({
		credential: 'ticket',
		fetch: async () => {
			const status = answers.shift();
			return { ok: status === 200, status, json: async () => ({ ticket: 't' }) };
		}
	});
	h.client.connect();
	await settle();
	assert.equal(h.sockets.length, 0);
	assert.equal(h.client.state, 'reconnecting');
	await h.timers.advance(1000);
	assert.deepEqual(h.tokenReasons, ['connect', 'expired']);
	assert.equal(h.sockets.length, 1);
});

test('without a WebSocket implementation or a token callback the constructor says what is missing', () => {
	assert.throws(() => new AuthWatchClient({ url: 'ws://x/ws/chat' }), /getToken/);
	assert.throws(() => new AuthWatchClient({ url: 'ws://x/ws/chat', getToken: async () => 't', WebSocket: undefined }), /WebSocket/);
	assert.throws(() => new AuthWatchClient({ getToken: async () => 't', WebSocket: class {} }), /options\.url/);
});

test('a throwing event listener does not break the client; its error is rethrown on its own', async (t) => {
	const rethrown = [];
	t.mock.method(globalThis, 'queueMicrotask', (task) => {
		try {
			task();
		}
		catch (error) {
			rethrown.push(error.message);
		}
	});
	const h = harness();
	h.client.on('connected', () => {
		throw new Error('application bug');
	});
	const later = [];
	h.client.on('connected', (event) => later.push(event.user));
	h.client.connect();
	await settle();
	h.socket().welcome();
	assert.equal(h.client.state, 'connected');
	assert.deepEqual(rethrown, ['application bug']);
	assert.deepEqual(later, ['alice'], 'the listeners after it still ran');
});

test('on() returns a function that removes the listener', async () => {
	const h = harness();
	const seen = [];
	const off = h.client.on('connecting', (event) => seen.push(event));
	off();
	h.client.connect();
	await settle();
	assert.deepEqual(seen, []);
});
