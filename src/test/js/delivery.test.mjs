import { test } from 'node:test';
import assert from 'node:assert/strict';

import { connected } from './fakes.mjs';

function message(room, offset, id, from = 'bob', text = `text ${offset}`) {
	return { type: 'message', room, from, text, sentAt: '2030-01-01T00:00:00Z', offset, id };
}

async function reconnect(h) {
	h.socket().serverClose(1006);
	await h.timers.advance(h.eventsOf('reconnecting').at(-1).delay);
	h.socket().welcome();
	return h.socket();
}

test('a message goes out with its id once the room is joined, and its ack settles it', async () => {
	const h = await connected(['lobby']);
	const id = h.client.send('lobby', 'hello');
	assert.deepEqual(h.socket().sentOfType('message'), [{ type: 'message', room: 'lobby', text: 'hello', id }]);
	h.socket().receive({ type: 'ack', id, room: 'lobby', offset: 7 });
	assert.deepEqual(h.eventsOf('ack'), [{ type: 'ack', id, room: 'lobby', offset: 7 }]);
	assert.equal(h.client.pending.size, 0);
});

test('unacknowledged messages are resent after a reconnect with the same id, acknowledged ones are not', async () => {
	const h = await connected(['lobby']);
	const acked = h.client.send('lobby', 'one');
	const unacked = h.client.send('lobby', 'two');
	h.socket().receive({ type: 'ack', id: acked, room: 'lobby', offset: 1 });
	const socket = await reconnect(h);
	assert.deepEqual(socket.sentOfType('message'), [], 'nothing is resent before the room is joined again');
	socket.receive({ type: 'joined', room: 'lobby', recovered: true });
	assert.deepEqual(socket.sentOfType('message'), [{ type: 'message', room: 'lobby', text: 'two', id: unacked }]);
	socket.receive({ type: 'ack', id: unacked, room: 'lobby', offset: 2 });
	assert.deepEqual(h.eventsOf('ack').map((event) => event.id), [acked, unacked]);
});

test('messages sent while disconnected wait, in order, for the next connection', async () => {
	const h = await connected(['lobby']);
	h.socket().serverClose(1001);
	const first = h.client.send('lobby', 'first');
	const second = h.client.send('lobby', 'second');
	await h.timers.advance(1000);
	h.socket().welcome();
	h.socket().receive({ type: 'joined', room: 'lobby' });
	assert.deepEqual(h.socket().sentOfType('message').map((frame) => frame.id), [first, second]);
});

test('a resend burst is paced under the server\'s frame budget, in order', async () => {
	const h = await connected(['lobby']);
	h.socket().serverClose(1001);
	const ids = Array.from({ length: 25 }, (_, i) => h.client.send('lobby', `queued ${i}`));
	await h.timers.advance(h.eventsOf('reconnecting')[0].delay);
	const socket = h.socket();
	socket.welcome();
	socket.receive({ type: 'joined', room: 'lobby' });
	assert.equal(socket.sent.length, 10, 'the join and nine messages at once');
	await h.timers.advance(1000);
	assert.equal(socket.sent.length, 20);
	await h.timers.advance(1000);
	assert.deepEqual(socket.sentOfType('message').map((frame) => frame.id), ids);
});

test('frames queued for a connection that closed are not sent on the next one', async () => {
	const h = await connected(['lobby'], { maxFramesPerSecond: 1 });
	h.client.send('lobby', 'one');
	h.client.send('lobby', 'two');
	const old = h.socket();
	old.serverClose(1006);
	await h.timers.advance(5000);
	assert.equal(old.sentOfType('message').length, 0, 'the join used the only frame of that second');
	h.socket().welcome();
	h.socket().receive({ type: 'joined', room: 'lobby' });
	await h.timers.advance(3000);
	assert.deepEqual(h.socket().sentOfType('message').map((frame) => frame.text), ['one', 'two']);
});

test('an error answering a message id fails that message', async () => {
	const h = await connected(['lobby']);
	const id = h.client.send('lobby', 'x');
	h.socket().receive({ type: 'error', error: 'not_delivered', message: 'send it again', id });
	assert.deepEqual(h.eventsOf('failed'), [{ type: 'failed', id, room: 'lobby', error: 'not_delivered', message: 'send it again' }]);
	await reconnect(h);
	h.socket().receive({ type: 'joined', room: 'lobby' });
	assert.deepEqual(h.socket().sentOfType('message'), []);
});

test('rooms are joined again after a reconnect, from the last offset seen in each', async () => {
	const h = await connected(['lobby', 'ops', 'quiet']);
	h.socket().receive(message('lobby', 41, 'b1'));
	h.socket().receive(message('lobby', 42, 'b2'));
	h.socket().receive(message('ops', 7, 'b3'));
	const socket = await reconnect(h);
	assert.deepEqual(socket.sentOfType('join'), [
		{ type: 'join', room: 'lobby', since: 42 },
		{ type: 'join', room: 'ops', since: 7 },
		{ type: 'join', room: 'quiet' }
	]);
});

test('a recovery reports whether the gap was complete', async () => {
	const h = await connected(['lobby', 'ops']);
	h.socket().receive(message('lobby', 1, 'b1'));
	h.socket().receive(message('ops', 1, 'b2'));
	const socket = await reconnect(h);
	socket.receive({ type: 'joined', room: 'lobby', recovered: true });
	socket.receive({ type: 'joined', room: 'ops', recovered: false });
	assert.deepEqual(h.eventsOf('recovered'), [
		{ type: 'recovered', room: 'lobby', recovered: true },
		{ type: 'recovered', room: 'ops', recovered: false }
	]);
});

test('replayed messages already seen are dropped by offset; the gap is delivered once, in order', async () => {
	const h = await connected(['lobby']);
	[1, 2, 3].forEach((offset) => h.socket().receive(message('lobby', offset, `b${offset}`)));
	const socket = await reconnect(h);
	socket.receive({ type: 'joined', room: 'lobby', recovered: true });
	// A server may replay more than asked for (or a live copy may overlap the replay).
	[2, 3, 4, 5, 5].forEach((offset) => socket.receive(message('lobby', offset, `b${offset}`)));
	assert.deepEqual(h.eventsOf('message').map((event) => event.offset), [1, 2, 3, 4, 5]);
});

test('the broadcast of our own pending message counts as its ack (the ack frame may have been lost)', async () => {
	const h = await connected(['lobby']);
	const id = h.client.send('lobby', 'mine');
	h.socket().receive(message('lobby', 9, id, 'alice', 'mine'));
	assert.deepEqual(h.eventsOf('ack'), [{ type: 'ack', id, room: 'lobby', offset: 9 }]);
	await reconnect(h);
	h.socket().receive({ type: 'joined', room: 'lobby', recovered: true });
	assert.deepEqual(h.socket().sentOfType('message'), []);
});

test('another user reusing our id does not acknowledge our message', async () => {
	const h = await connected(['lobby']);
	const id = h.client.send('lobby', 'mine');
	h.socket().receive(message('lobby', 9, id, 'mallory', 'spoof'));
	assert.deepEqual(h.eventsOf('ack'), []);
});

test('a since the server no longer knows (memory store restarted) is recovered from its start; resent ids are not shown twice', async () => {
	const h = await connected(['lobby']);
	[14, 15].forEach((offset) => h.socket().receive(message('lobby', offset, `b${offset}`)));
	const socket = await reconnect(h);
	socket.receive({ type: 'error', error: 'unknown_offset', message: 'The latest offset of lobby is 2.', room: 'lobby' });
	assert.deepEqual(socket.sentOfType('join'), [{ type: 'join', room: 'lobby', since: 15 }, { type: 'join', room: 'lobby', since: 0 }]);
	socket.receive({ type: 'joined', room: 'lobby', recovered: true });
	assert.deepEqual(h.eventsOf('recovered'), [{ type: 'recovered', room: 'lobby', recovered: false }]);
	// Bob's resend of b15 (its ack was lost in the restart) gets a new offset in the new numbering.
	socket.receive(message('lobby', 1, 'b15'));
	socket.receive(message('lobby', 2, 'b16'));
	assert.deepEqual(h.eventsOf('message').map((event) => event.id), ['b14', 'b15', 'b16']);
	const next = await reconnect(h);
	assert.deepEqual(next.sentOfType('join'), [{ type: 'join', room: 'lobby', since: 2 }]);
});

test('a join the server could not serve (its store unavailable) is asked again, with the same since, a little later', async () => {
	const h = await connected(['lobby']);
	h.socket().receive(message('lobby', 4, 'b4'));
	const socket = await reconnect(h);
	const id = h.client.send('lobby', 'waiting');
	socket.receive({ type: 'error', error: 'not_joined', message: 'join again', room: 'lobby' });
	assert.deepEqual(socket.sentOfType('join'), [{ type: 'join', room: 'lobby', since: 4 }]);
	await h.timers.advance(1000);
	assert.deepEqual(socket.sentOfType('join'), [{ type: 'join', room: 'lobby', since: 4 }, { type: 'join', room: 'lobby', since: 4 }]);
	socket.receive({ type: 'joined', room: 'lobby', recovered: true });
	assert.deepEqual(socket.sentOfType('message').map((frame) => frame.id), [id]);
	assert.deepEqual(h.eventsOf('failed'), []);
});

test('a room that cannot be joined is dropped and its queued messages fail', async () => {
	const h = await connected([]);
	h.client.join('lobby');
	const id = h.client.send('lobby', 'hello');
	h.socket().receive({ type: 'error', error: 'too_many_rooms', message: 'at most 1', room: 'lobby' });
	assert.deepEqual(h.eventsOf('failed').map((event) => [event.id, event.error]), [[id, 'too_many_rooms']]);
	assert.equal(h.client.rooms.has('lobby'), false);
});

test('leaving a room sends leave, fails its pending messages and stops rejoining it', async () => {
	const h = await connected(['lobby']);
	h.socket().serverClose(1006);
	const id = h.client.send('lobby', 'never sent');
	h.client.leave('lobby');
	assert.deepEqual(h.eventsOf('failed').map((event) => [event.id, event.error]), [[id, 'left_room']]);
	await h.timers.advance(1000);
	h.socket().welcome();
	assert.deepEqual(h.socket().sentOfType('join'), []);
	assert.throws(() => h.client.send('lobby', 'x'), /join room 'lobby'/);
});
