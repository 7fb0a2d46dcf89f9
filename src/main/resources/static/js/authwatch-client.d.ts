// Type declarations for authwatch-client.js (docs/client.md).

/**
 * Why the client asks for a token: the first connection, a reconnection after a connection that was
 * up, a retry after an attempt that never got its welcome (refused or unreachable), after a 4001 or a
 * ticket refused with 401, or for in-band re-authentication.
 */
export type TokenReason = 'connect' | 'reconnect' | 'retry' | 'expired' | 'reauth';

export type ClientState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'revoked' | 'stopped';

export type CloseAction = 'refresh' | 'revoked' | 'stop' | 'reconnect';

export interface BackoffOptions {
	/** Ceiling of the first wait, in ms (default 500). */
	initialDelay?: number;
	/** Largest ceiling, in ms (default 20000). */
	maxDelay?: number;
	/** Growth of the ceiling per failed attempt (default 2). */
	multiplier?: number;
	/** A connection that stayed up this long (ms) starts the backoff over (default 5000). */
	resetAfter?: number;
}

/** The subset of the WHATWG WebSocket the client uses (browsers, Node 22+, the `ws` package). */
export interface WebSocketLike {
	send(data: string): void;
	close(code?: number, reason?: string): void;
	onmessage: ((event: { data: unknown }) => void) | null;
	onclose: ((event: { code: number; reason: string }) => void) | null;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

export interface AuthWatchClientOptions {
	/** Returns a current access token, or null/undefined to stop the client. Called before every connection attempt and for re-authentication. */
	getToken(context: { reason: TokenReason }): Promise<string | null | undefined> | string | null | undefined;
	/** The chat endpoint, e.g. `wss://chat.example.com/ws/chat`; in a browser defaults to `/ws/chat` of the page's origin. */
	url?: string;
	/** `bearer` (default): the token as the subprotocol pair `bearer, <token>`; `ticket`: the token buys a single-use ticket first. */
	credential?: 'bearer' | 'ticket';
	/** Where tickets are minted (default `/api/auth/ticket` of the chat endpoint's host). */
	ticketUrl?: string;
	backoff?: BackoffOptions;
	/** How long before the credential expires to re-authenticate in band, in ms (default 60000; at most a third of what is left). */
	reauthMargin?: number;
	/** Frames sent per second at most, resends included (default 10; the server closes with 1008 beyond authwatch.websocket.max-messages-per-second, 20). */
	maxFramesPerSecond?: number;
	/** The WebSocket implementation (default `globalThis.WebSocket`; Node 20 has none: pass the `ws` package's). */
	WebSocket?: WebSocketConstructor;
	/** The fetch implementation for tickets (default `globalThis.fetch`). */
	fetch?: (url: string, init: { method: string; headers: Record<string, string> }) => Promise<{ ok: boolean; status: number; json(): Promise<any> }>;
	/** Clock in epoch ms (default `Date.now`). */
	now?: () => number;
	timers?: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
	/** Uniform random number in [0, 1) for the jitter (default `Math.random`). */
	random?: () => number;
	/** Message ids (default `crypto.randomUUID()`); at most 64 characters. */
	newId?: () => string;
}

export interface ChatMessage {
	room: string;
	from: string;
	text: string;
	sentAt: string;
	offset?: number;
	id?: string;
}

export interface ClientEvents {
	state: { state: ClientState; previous: ClientState };
	connecting: { attempt: number };
	connected: { user: string; method: string; expiresAt: string };
	/** `code` is null when the attempt failed before a socket existed (token callback, ticket). */
	disconnected: { code: number | null; reason: string; reconnect: boolean };
	reconnecting: { attempt: number; delay: number };
	revoked: { code: number; reason: string };
	stopped: { state: 'stopped' | 'revoked'; code: number | null; reason: string };
	reauthenticated: { expiresAt: string };
	joined: { room: string; recovered?: boolean };
	/** After a rejoin that asked for what was missed: false when part of the gap is lost. */
	recovered: { room: string; recovered: boolean };
	message: ChatMessage;
	ack: { id: string; room: string; offset?: number };
	failed: { id: string; room: string; error: string; message?: string };
	error: { error: string; message?: string; reason?: string; room?: string; id?: string };
	/** Any other frame from the server (e.g. `left`). */
	frame: { type: string; [key: string]: unknown };
}

export class AuthWatchClient {
	constructor(options: AuthWatchClientOptions);
	readonly state: ClientState;
	/** The user of the current or last connection, from the welcome frame. */
	readonly user: string | null;
	/** Listens to an event; returns a function that stops listening. */
	on<K extends keyof ClientEvents>(type: K, listener: (event: ClientEvents[K]) => void): () => void;
	/** Starts connecting (once; a stopped or revoked client stays stopped: create a new one). */
	connect(): void;
	/** Joins a room now and after every reconnect, asking for the messages missed since the last one seen. */
	join(room: string): void;
	/** Leaves a room; its unacknowledged messages fail with `left_room`. */
	leave(room: string): void;
	/** Queues a message for a joined room until the server acknowledges it; returns its id. */
	send(room: string, text: string): string;
	/** Closes for good (code 1000); unacknowledged messages fail with `stopped`. */
	close(): void;
}

export function closeAction(code: number): CloseAction;

export function backoffDelay(attempt: number, backoff: Required<Omit<BackoffOptions, 'resetAfter'>>, random: () => number): number;

export function reauthDelay(expiresAt: number, now: number, margin: number): number;
