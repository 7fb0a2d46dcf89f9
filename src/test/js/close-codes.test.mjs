import { test } from 'node:test';
import assert from 'node:assert/strict';

import { closeAction } from '../../main/resources/static/js/authwatch-client.js';
import { connected, harness, settle } from './fakes.mjs';

const RECONNECT = [1001, 1006, 1011, 1012, 1013, 4500];
const STOP = [1002, 1003, 1007, 1008, 1009, 1010];

test('close codes map to the policy of SPEC §10', () => {
	assert.equal(closeAction(4001), 'refresh');
	assert.equal(closeAction(4003), 'revoked');
	RECONNECT.forEach((code) => assert.equal(closeAction(code), 'reconnect', `code ${code}`));
	STOP.forEach((code) => assert.equal(closeAction(code), 'stop', `code ${code}`));
});

for (const code of RECONNECT) {
	test(`${code} reconnects after a backoff delay, with the token the application considers current`, async () => {
		const h = await connected(['lobby']);
		h.socket().serverClose(code, 'bye');
		assert.equal(h.client.state, 'reconnecting');
		assert.deepEqual(h.eventsOf('disconnected'), [{ type: 'disconnected', code, reason: 'bye', reconnect: true }]);
		assert.equal(h.sockets.length, 1, 'waits before reconnecting');
		await h.timers.advance(h.eventsOf('reconnecting')[0].delay);
		assert.equal(h.sockets.length, 2);
		assert.equal(h.client.state, 'connecting');
		assert.deepEqual(h.tokenReasons, ['connect', 'reconnect']);
		h.socket().welcome();
		assert.equal(h.client.state, 'connected');
	});
}

test('4001 asks the application for a new token, then reconnects', async () => {
	const h = await connected();
	h.socket().serverClose(4001, 'token expired');
	await h.timers.advance(h.eventsOf('reconnecting')[0].delay);
	assert.deepEqual(h.tokenReasons, ['connect', 'expired']);
	assert.deepEqual(h.socket().protocols, ['bearer', 'token-2']);
	h.socket().welcome();
	assert.equal(h.client.state, 'connected');
});

test('after an attempt that never reached the welcome frame the token is asked for as a retry', async () => {
	const h = harness();
	h.client.connect();
	await settle();
	h.socket().serverClose(1006);
	await h.timers.advance(1000);
	h.socket().welcome();
	h.socket().serverClose(1001);
	await h.timers.advance(1000);
	assert.deepEqual(h.tokenReasons, ['connect', 'retry', 'reconnect']);
});

test('4003 stops for good and reports revoked; unacknowledged messages fail', async () => {
	const h = await connected(['lobby']);
	const id = h.client.send('lobby', 'hello');
	h.socket().serverClose(4003, 'revoked');
	assert.equal(h.client.state, 'revoked');
	assert.deepEqual(h.eventsOf('revoked'), [{ type: 'revoked', code: 4003, reason: 'revoked' }]);
	assert.deepEqual(h.eventsOf('disconnected'), [{ type: 'disconnected', code: 4003, reason: 'revoked', reconnect: false }]);
	assert.deepEqual(h.eventsOf('failed').map((event) => [event.id, event.error]), [[id, 'revoked']]);
	await h.timers.advance(60000);
	assert.equal(h.sockets.length, 1);
	assert.deepEqual(h.timers.delays(), []);
	assert.throws(() => h.client.send('lobby', 'again'), /revoked/);
});

for (const code of STOP) {
	test(`${code} stops and reports the code and reason`, async () => {
		const h = await connected();
		h.socket().serverClose(code, 'too many messages');
		assert.equal(h.client.state, 'stopped');
		assert.deepEqual(h.eventsOf('stopped'), [{ type: 'stopped', state: 'stopped', code, reason: 'too many messages' }]);
		assert.deepEqual(h.eventsOf('revoked'), []);
		await h.timers.advance(60000);
		assert.equal(h.sockets.length, 1);
	});
}

test('the states run connecting, connected, reconnecting, connecting, connected', async () => {
	const h = await connected();
	h.socket().serverClose(1006);
	await h.timers.advance(1000);
	h.socket().welcome();
	assert.deepEqual(h.eventsOf('state').map((event) => event.state),
		['connecting', 'connected', 'reconnecting', 'connecting', 'connected']);
});

test('close() closes the socket with 1000, fails what is unacknowledged and never reconnects', async () => {
	const h = await connected(['lobby']);
	h.client.send('lobby', 'hello');
	const socket = h.socket();
	h.client.close();
	assert.deepEqual(socket.closedWith, { code: 1000, reason: 'client closed' });
	assert.equal(h.client.state, 'stopped');
	assert.deepEqual(h.eventsOf('failed').map((event) => event.error), ['stopped']);
	socket.serverClose(1000);
	await h.timers.advance(60000);
	assert.equal(h.sockets.length, 1);
});

test('close() while the token is being fetched opens no socket', async () => {
	let release;
	const h = harness({ getToken: () => new Promise((resolve) => {
		release = resolve;
	}) });
	h.client.connect();
	h.client.close();
	release('late-token');
	await settle();
	assert.equal(h.sockets.length, 0);
	assert.equal(h.client.state, 'stopped');
});

test('a token callback that answers nothing stops the client; one that throws is retried with backoff', async () => {
	const none = harness({ getToken: async () => null });
	none.client.connect();
	await settle();
	assert.equal(none.client.state, 'stopped');
	assert.equal(none.sockets.length, 0);

	let calls = 0;
	const flaky = harness({ getToken: async () => {
		calls++;
		if (calls === 1) {
			throw new Error('refresh endpoint unreachable');
		}
		return 'token';
	} });
	flaky.client.connect();
	await settle();
	assert.equal(flaky.client.state, 'reconnecting');
	assert.match(flaky.eventsOf('error')[0].message, /unreachable/);
	await flaky.timers.advance(1000);
	assert.equal(flaky.sockets.length, 1);
});

test('events of a socket the client has replaced are ignored', async () => {
	const h = await connected();
	const old = h.socket();
	old.serverClose(1006);
	await h.timers.advance(1000);
	h.socket().welcome();
	old.serverClose(4003);
	old.receive({ type: 'welcome', user: 'mallory' });
	assert.equal(h.client.state, 'connected');
	assert.equal(h.client.user, 'alice');
});
