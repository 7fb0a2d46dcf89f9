import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reauthDelay } from '../../main/resources/static/js/authwatch-client.js';
import { harness, settle } from './fakes.mjs';

const MINUTE = 60000;

function iso(ms) {
	return new Date(ms).toISOString();
}

async function welcomedUntil(expiresInMs, options = {}) {
	const h = harness(options);
	h.client.connect();
	await settle();
	h.socket().welcome('alice', iso(h.timers.now + expiresInMs));
	return h;
}

test('re-authentication is due a margin before expiry, or two thirds into a short life, never sooner than 1 s', () => {
	assert.equal(reauthDelay(15 * MINUTE, 0, MINUTE), 14 * MINUTE);
	assert.equal(reauthDelay(9000, 0, MINUTE), 6000);
	assert.equal(reauthDelay(1000, 0, MINUTE), 1000);
	assert.equal(reauthDelay(-5000, 0, MINUTE), 1000, 'a clock ahead of the server does not loop');
});

test('the client sends a fresh token in band one margin before the welcome expiry', async () => {
	const h = await welcomedUntil(15 * MINUTE);
	await h.timers.advance(14 * MINUTE - 1);
	assert.deepEqual(h.socket().sentOfType('reauth'), []);
	await h.timers.advance(1);
	assert.deepEqual(h.tokenReasons, ['connect', 'reauth']);
	assert.deepEqual(h.socket().sentOfType('reauth'), [{ type: 'reauth', token: 'token-2' }]);
});

test('reauthenticated reports the new expiry and schedules the next re-authentication from it', async () => {
	const h = await welcomedUntil(9000, { reauthMargin: 30000 });
	await h.timers.advance(6000);
	h.socket().receive({ type: 'reauthenticated', expiresAt: iso(h.timers.now + 9000) });
	assert.deepEqual(h.eventsOf('reauthenticated').map((event) => event.expiresAt), [iso(15000)]);
	await h.timers.advance(6000);
	assert.equal(h.socket().sentOfType('reauth').length, 2);
	assert.deepEqual(h.eventsOf('disconnected'), []);
});

test('a refused re-authentication is tried again while the credential lasts', async () => {
	const h = await welcomedUntil(15 * MINUTE);
	await h.timers.advance(14 * MINUTE);
	h.socket().receive({ type: 'error', error: 'reauth_failed', reason: 'expired', message: 'The token has expired.' });
	assert.deepEqual(h.eventsOf('error').map((event) => [event.error, event.reason]), [['reauth_failed', 'expired']]);
	await h.timers.advance(5000);
	assert.equal(h.socket().sentOfType('reauth').length, 2);
});

test('no token for re-authentication (a guest) sends nothing and lets the server close with 4001', async () => {
	const h = await welcomedUntil(10000, { getToken: async ({ reason }) => (reason === 'reauth' ? null : 'guest-token') });
	await h.timers.advance(7000);
	assert.deepEqual(h.socket().sentOfType('reauth'), []);
});

test('a closed connection cancels its re-authentication', async () => {
	const h = await welcomedUntil(15 * MINUTE);
	h.socket().serverClose(1006);
	assert.equal(h.timers.delays().length, 1, 'only the reconnect timer is left');
});
