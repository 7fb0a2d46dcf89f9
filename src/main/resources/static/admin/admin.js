/*
 * AuthWatch admin dashboard. Plain JavaScript, no build step.
 * The access token lives in sessionStorage (this tab only) and is sent as an Authorization header,
 * including for the event stream, which is read with fetch() because EventSource cannot send headers.
 */
(function () {
	'use strict';

	const API = '/api/admin/websocket-auth';
	const TOKEN_KEY = 'authwatch.admin.token';
	const MAX_POINTS = 360;
	const MAX_EVENTS = 50;

	const state = {
		token: sessionStorage.getItem(TOKEN_KEY),
		refreshMs: 10000,
		timer: null,
		stream: null,
		lastEventId: null,
		series: { t: [], success: [], p50: [], p95: [], p99: [] },
		charts: {},
		sessionUser: null
	};

	const $ = (id) => document.getElementById(id);

	function el(tag, text, className) {
		const node = document.createElement(tag);
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		if (className) {
			node.className = className;
		}
		return node;
	}

	function row(cells) {
		const tr = document.createElement('tr');
		cells.forEach((cell) => tr.appendChild(cell instanceof Node ? wrapCell(cell) : el('td', cell)));
		return tr;
	}

	function wrapCell(node) {
		if (node.tagName === 'TD') {
			return node;
		}
		const td = document.createElement('td');
		td.appendChild(node);
		return td;
	}

	function fill(tableId, rows, emptyText) {
		const body = $(tableId).tBodies[0];
		body.replaceChildren(...rows);
		if (rows.length === 0 && emptyText) {
			const td = el('td', emptyText, 'muted');
			td.colSpan = $(tableId).tHead.rows[0].cells.length;
			const tr = document.createElement('tr');
			tr.appendChild(td);
			body.appendChild(tr);
		}
	}

	function figures(dlId, pairs) {
		$(dlId).replaceChildren(...pairs.map(([label, value]) => {
			const div = document.createElement('div');
			div.appendChild(el('dt', label));
			div.appendChild(el('dd', value));
			return div;
		}));
	}

	const percent = (ratio) => (ratio * 100).toFixed(1) + ' %';
	const ms = (value) => Number(value).toFixed(value < 10 ? 2 : 0);
	const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '—');

	class Unauthorized extends Error {}

	async function api(path, options = {}) {
		const headers = Object.assign({ Authorization: 'Bearer ' + state.token, Accept: 'application/json' }, options.headers || {});
		const response = await fetch(API + path, Object.assign({}, options, { headers, cache: 'no-store' }));
		if (response.status === 401) {
			throw new Unauthorized('Your token is no longer valid; log in again.');
		}
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw new Error(body.message || ('HTTP ' + response.status));
		}
		return body;
	}

	// ---- login ----

	async function login(event) {
		event.preventDefault();
		$('login-error').textContent = '';
		try {
			const response = await fetch('/api/auth/login', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({ username: $('username').value, password: $('password').value })
			});
			const body = await response.json().catch(() => ({}));
			if (!response.ok || !body.access_token) {
				throw new Error(body.message || ('Login failed (HTTP ' + response.status + ')'));
			}
			$('password').value = '';
			await start(body.access_token);
		}
		catch (ex) {
			$('login-error').textContent = ex.message;
		}
	}

	async function useToken(event) {
		event.preventDefault();
		$('login-error').textContent = '';
		await start($('token').value.trim());
		$('token').value = '';
	}

	async function start(token) {
		state.token = token;
		try {
			await refresh();
		}
		catch (ex) {
			logout(ex.message);
			return;
		}
		sessionStorage.setItem(TOKEN_KEY, token);
		$('login').hidden = true;
		$('dashboard').hidden = false;
		$('logout').hidden = false;
		$('who').textContent = subject(token);
		Object.values(state.charts).forEach((chart) => chart.setSize(chartSize(chart.root.parentElement)));
		schedule();
		openStream();
	}

	function subject(token) {
		try {
			return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub || '';
		}
		catch (ex) {
			return '';
		}
	}

	function logout(message) {
		state.token = null;
		sessionStorage.removeItem(TOKEN_KEY);
		clearTimeout(state.timer);
		if (state.stream) {
			state.stream.abort();
			state.stream = null;
		}
		$('dashboard').hidden = true;
		$('logout').hidden = true;
		$('login').hidden = false;
		$('who').textContent = '';
		$('login-error').textContent = (typeof message === 'string') ? message : '';
	}

	// ---- refresh ----

	function schedule() {
		clearTimeout(state.timer);
		state.timer = setTimeout(async () => {
			try {
				await refresh();
			}
			catch (ex) {
				if (ex instanceof Unauthorized) {
					logout(ex.message);
					return;
				}
				$('updated').textContent = 'refresh failed: ' + ex.message;
			}
			schedule();
		}, state.refreshMs);
	}

	async function refresh() {
		const [metrics, cluster] = await Promise.all([api('/metrics'), api('/cluster')]);
		state.refreshMs = metrics.refreshIntervalMs || state.refreshMs;
		renderStatus(metrics);
		renderCharts(metrics);
		renderMethods(metrics);
		renderReasons(metrics);
		renderBreakers(metrics);
		renderConnections(metrics);
		renderInstances(cluster);
		$('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
	}

	function renderStatus(metrics) {
		const status = $('status');
		status.className = 'status level-' + metrics.level;
		$('status-level').textContent = metrics.level;
		status.title = metrics.warnings.length ? metrics.warnings.join('\n') : 'Authentication health: ' + metrics.level;
		$('warnings').replaceChildren(...metrics.warnings.map((warning) => el('li', warning)));
		const w = metrics.window;
		figures('window', [
			['attempts (' + w.duration.replace('PT', '').toLowerCase() + ')', w.attempts],
			['success rate', percent(w.successRate)],
			['system failures', percent(w.systemFailureRate)],
			['client rejections', percent(w.clientRejectionRate)],
			['average', ms(w.averageLatencyMs) + ' ms'],
			['p95', ms(w.p95LatencyMs) + ' ms'],
			['p99', ms(w.p99LatencyMs) + ' ms'],
			['attempts since start', metrics.totals.attempts]
		]);
	}

	function renderCharts(metrics) {
		const s = state.series;
		s.t.push(Date.parse(metrics.generatedAt) / 1000);
		s.success.push(metrics.window.attempts ? metrics.window.successRate * 100 : null);
		s.p50.push(metrics.latency.p50Ms);
		s.p95.push(metrics.latency.p95Ms);
		s.p99.push(metrics.latency.p99Ms);
		if (s.t.length > MAX_POINTS) {
			Object.values(s).forEach((values) => values.shift());
		}
		if (typeof uPlot === 'undefined') {
			return;
		}
		if (!state.charts.success) {
			state.charts.success = chart('chart-success', [{ label: 'success %', stroke: '#1f9d55', width: 2, fill: 'rgba(31,157,85,.08)' }], { range: [0, 100] });
			state.charts.latency = chart('chart-latency', [
				{ label: 'p50', stroke: '#2563eb', width: 2 },
				{ label: 'p95', stroke: '#d97706', width: 2 },
				{ label: 'p99', stroke: '#dc2626', width: 2 }
			], {});
		}
		state.charts.success.setData([s.t, s.success]);
		state.charts.latency.setData([s.t, s.p50, s.p95, s.p99]);
	}

	function chartSize(container) {
		return { width: Math.max(280, container.clientWidth - 4), height: 200 };
	}

	function recentWindow(latest) {
		const end = Number.isFinite(latest) ? latest : Date.now() / 1000;
		return [end - (MAX_POINTS * state.refreshMs) / 1000, end];
	}

	function chart(id, series, y) {
		const container = $(id);
		const options = Object.assign(chartSize(container), {
			series: [{}].concat(series.map((line) => Object.assign({ points: { show: true, size: 4 } }, line))),
			// A fixed recent window ending now: one point must not stretch the axis over years.
			scales: { x: { time: true, range: (u, min, max) => recentWindow(max) }, y: y.range ? { range: y.range } : { auto: true } },
			axes: [{}, { size: 50 }],
			legend: { live: false }
		});
		const instance = new uPlot(options, [[]].concat(series.map(() => [])), container);
		container.chart = instance;
		return instance;
	}

	function renderMethods(metrics) {
		const entries = Object.entries(metrics.methods);
		const total = entries.reduce((sum, [, m]) => sum + m.attempts, 0);
		fill('methods', entries.filter(([, m]) => m.attempts > 0).map(([name, m]) => {
			const share = total ? m.attempts / total : 0;
			const bar = el('td');
			const fillBar = el('span', null, 'bar');
			fillBar.style.width = Math.max(2, Math.round(share * 80)) + 'px';
			bar.appendChild(fillBar);
			bar.appendChild(document.createTextNode(percent(share)));
			return row([name, m.attempts, bar, percent(m.successRate), ms(m.latency.p50Ms), ms(m.latency.p95Ms), ms(m.latency.p99Ms)]);
		}), 'No attempts yet.');
	}

	function renderReasons(metrics) {
		const windowReasons = metrics.window.topFailureReasons || {};
		fill('reasons', Object.entries(metrics.reasons).sort((a, b) => b[1] - a[1])
			.map(([reason, count]) => row([reason, count, windowReasons[reason] || 0])), 'No failures.');
	}

	function renderBreakers(metrics) {
		fill('breakers', Object.entries(metrics.breakers).map(([name, b]) => row([name, el('td', b.state, 'state-' + b.state),
			b.failureRate < 0 ? '—' : b.failureRate.toFixed(1) + ' %', b.bufferedCalls, b.notPermittedCalls])), 'No circuit breakers.');
	}

	function renderConnections(metrics) {
		const c = metrics.connections;
		const pairs = [['active', c.active]];
		Object.entries(c.byMethod).forEach(([method, count]) => pairs.push(['via ' + method, count]));
		Object.entries(c.disconnects).filter(([, count]) => count > 0)
			.forEach(([reason, count]) => pairs.push(['closed: ' + reason.replace('_', ' '), count]));
		figures('connections', pairs);
	}

	function renderInstances(cluster) {
		fill('instances', cluster.instances.map((i) => row([i.id, i.address, i.version, el('td', i.level, 'level-' + i.level),
			i.connections, time(i.startedAt), time(i.lastSeen)])), 'No instance has announced itself.');
	}

	// ---- live events (SSE over fetch) ----

	async function openStream() {
		const controller = new AbortController();
		state.stream = controller;
		const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
		if (state.lastEventId) {
			headers['Last-Event-ID'] = state.lastEventId;
		}
		try {
			const response = await fetch(API + '/events', { headers, signal: controller.signal, cache: 'no-store' });
			if (response.status === 401) {
				logout('Your token is no longer valid; log in again.');
				return;
			}
			$('stream-state').textContent = '(live)';
			const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
			let buffer = '';
			for (;;) {
				const { value, done } = await reader.read();
				if (done) {
					break;
				}
				buffer += value.replace(/\r\n/g, '\n');
				for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
					handleBlock(buffer.slice(0, end));
					buffer = buffer.slice(end + 2);
				}
			}
		}
		catch (ex) {
			if (controller.signal.aborted) {
				return;
			}
		}
		if (state.stream === controller && state.token) {
			$('stream-state').textContent = '(reconnecting…)';
			setTimeout(() => state.token && state.stream === controller && openStream(), 2000);
		}
	}

	function handleBlock(block) {
		let data = '';
		let id = null;
		block.split('\n').forEach((line) => {
			const colon = line.indexOf(':');
			if (colon <= 0) {
				return;
			}
			const field = line.slice(0, colon);
			const value = line.slice(colon + 1).replace(/^ /, '');
			if (field === 'data') {
				data += value;
			}
			else if (field === 'id') {
				id = value;
			}
		});
		if (id) {
			state.lastEventId = id;
		}
		if (data) {
			showEvent(JSON.parse(data));
		}
	}

	function showEvent(event) {
		if (event.severity === 'INFO' && event.type !== 'JWT_CONFIG') {
			return;
		}
		const body = $('events').tBodies[0];
		if (body.rows.length === 1 && body.rows[0].cells.length === 1) {
			body.replaceChildren();
		}
		body.insertBefore(row([time(event.at), event.instance, el('td', event.severity, 'sev-' + event.severity), event.type.toLowerCase(),
			event.method || '—', event.reason || '—', event.userRef || '—']), body.firstChild);
		while (body.rows.length > MAX_EVENTS) {
			body.deleteRow(body.rows.length - 1);
		}
	}

	// ---- test connection and session lookup ----

	async function testConnection(event) {
		event.preventDefault();
		const user = $('test-user').value.trim();
		$('test-summary').textContent = 'Connecting as ' + user + '…';
		fill('test-steps', []);
		try {
			const report = await api('/test-connection', {
				method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user_id: user })
			});
			$('test-summary').replaceChildren(el('span', report.success ? 'Passed' : 'Failed', report.success ? 'ok' : 'bad'),
				document.createTextNode(' in ' + ms(report.totalMs) + ' ms; ' + report.liveConnections.length + ' other live connection(s): '
					+ (report.liveConnections.map((c) => c.method + ' ' + c.health).join(', ') || 'none')));
			fill('test-steps', report.steps.map((step) => row([step.name,
				el('td', step.outcome + (step.reason ? ' (' + step.reason + ')' : ''), /failed|rejected/.test(step.outcome) ? 'bad' : 'ok'),
				ms(step.millis), el('td', step.detail || '', 'detail')])));
			refresh().catch(() => {});
		}
		catch (ex) {
			handleError(ex, 'test-summary');
		}
	}

	async function lookUpSession(event) {
		if (event) {
			event.preventDefault();
		}
		const user = $('session-user').value.trim();
		if (event) {
			$('session-result').textContent = '';
		}
		try {
			const session = await api('/session/' + encodeURIComponent(user));
			state.sessionUser = user;
			$('session-disconnect').disabled = session.connections.length === 0;
			$('session-summary').textContent = session.connections.length + ' live connection(s); ' + session.attempts
				+ ' recent attempt(s), ' + session.failures + ' failure(s).';
			fill('session-connections', session.connections.map((c) => row([c.instance, c.method + (c.testConnection ? ' (test)' : ''),
				time(c.connectedAt), time(c.credentialExpiresAt), time(c.lastPongAt), c.remoteAddress || '—',
				el('td', c.health, c.health === 'healthy' ? 'ok' : 'bad')])), 'No live connections.');
		}
		catch (ex) {
			handleError(ex, 'session-summary');
		}
	}

	async function disconnect() {
		const user = state.sessionUser;
		if (!user || !window.confirm('Disconnect every connection of ' + user + ' (close 4003)?')) {
			return;
		}
		try {
			const result = await api('/session/' + encodeURIComponent(user), { method: 'DELETE' });
			$('session-result').textContent = 'Closed ' + result.closed + ' connection(s) with ' + result.closeCode + '.';
			setTimeout(() => lookUpSession(), 500);
		}
		catch (ex) {
			handleError(ex, 'session-summary');
		}
	}

	function handleError(ex, targetId) {
		if (ex instanceof Unauthorized) {
			logout(ex.message);
		}
		else {
			$(targetId).replaceChildren(el('span', ex.message, 'bad'));
		}
	}

	document.addEventListener('DOMContentLoaded', () => {
		$('login-form').addEventListener('submit', login);
		$('token-form').addEventListener('submit', useToken);
		$('logout').addEventListener('click', () => logout());
		$('test-form').addEventListener('submit', testConnection);
		$('session-form').addEventListener('submit', lookUpSession);
		$('session-disconnect').addEventListener('click', disconnect);
		window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.setSize(chartSize(c.root.parentElement))));
		if (state.token) {
			start(state.token);
		}
	});
}());
