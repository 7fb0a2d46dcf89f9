import { test } from 'node:test';
import assert from 'node:assert/strict';

import { backoffDelay } from '../../main/resources/static/js/authwatch-client.js';
import { harness, settle } from './fakes.mjs';

const DEFAULTS = { initialDelay: 500, maxDelay: 20000, multiplier: 2 };

/** A seeded generator (mulberry32), so that the distribution test is the same on every run. */
function seeded(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

test('the ceiling doubles from 0.5 s and stops at 20 s', () => {
	const ceilings = [...Array(10).keys()].map((attempt) => backoffDelay(attempt, DEFAULTS, () => 1));
	assert.deepEqual(ceilings, [500, 1000, 2000, 4000, 8000, 16000, 20000, 20000, 20000, 20000]);
});

test('every delay lies in [0, ceiling) and can be zero', () => {
	for (let attempt = 0; attempt < 12; attempt++) {
		const ceiling = Math.min(20000, 500 * 2 ** attempt);
		assert.equal(backoffDelay(attempt, DEFAULTS, () => 0), 0);
		assert.ok(backoffDelay(attempt, DEFAULTS, () => 0.9999999) < ceiling);
	}
});

test('full jitter spreads delays uniformly over [0, ceiling)', () => {
	const random = seeded(42);
	const samples = Array.from({ length: 20000 }, () => backoffDelay(3, DEFAULTS, random));
	assert.ok(samples.every((delay) => delay >= 0 && delay < 4000));
	const mean = samples.reduce((sum, delay) => sum + delay, 0) / samples.length;
	assert.ok(Math.abs(mean - 2000) < 60, `mean ${mean}`);
	const quarters = [0, 0, 0, 0];
	samples.forEach((delay) => quarters[Math.floor(delay / 1000)]++);
	quarters.forEach((count) => assert.ok(Math.abs(count / samples.length - 0.25) < 0.02, `quarters ${quarters}`));
});

test('the bounds and the growth are configurable', () => {
	const backoff = { initialDelay: 100, maxDelay: 1000, multiplier: 3 };
	assert.deepEqual([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, backoff, () => 1)), [100, 300, 900, 1000]);
});

test('the client waits a jittered, growing delay between failed attempts', async () => {
	const h = harness({ random: () => 0.999, backoff: { initialDelay: 100, maxDelay: 1000 } });
	h.client.connect();
	await settle();
	for (let i = 0; i < 6; i++) {
		h.socket().serverClose(1006);
		await h.timers.advance(h.timers.delays()[0]);
	}
	assert.deepEqual(h.eventsOf('reconnecting').map((event) => event.delay), [99, 199, 399, 799, 999, 999]);
	assert.equal(h.sockets.length, 7);
});

test('a connection that stayed up starts the backoff over; one that dropped at once does not', async () => {
	const h = harness({ random: () => 0.999 });
	h.client.connect();
	await settle();
	h.socket().serverClose(1006);
	await h.timers.advance(1000);
	h.socket().serverClose(1006);
	await h.timers.advance(1000);
	h.socket().welcome();
	h.socket().serverClose(1006);
	assert.deepEqual(h.eventsOf('reconnecting').map((event) => event.delay), [499, 999, 1998]);
	await h.timers.advance(2000);
	h.socket().welcome();
	await h.timers.advance(5000);
	h.socket().serverClose(1001);
	assert.equal(h.eventsOf('reconnecting').at(-1).delay, 499);
});
