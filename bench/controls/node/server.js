// A control for bench/run.sh: what a user would write instead of AuthWatch with Node, the `ws`
// server and `jsonwebtoken`. /plain upgrades anyone; /jwt upgrades a request whose
// `Authorization: Bearer` token verifies (HS256, the secret from JWT_SECRET). One process, as
// `node server.js` runs. Installed by bench/run.sh with `npm ci`; not part of the product.
import { createServer } from 'node:http';
import jwt from 'jsonwebtoken';
import { WebSocketServer } from 'ws';

const secret = process.env.JWT_SECRET;
const port = Number(process.env.PORT);
const sockets = new WebSocketServer({ noServer: true });
const server = createServer((request, response) => {
	response.writeHead(404).end();
});

server.on('upgrade', (request, socket, head) => {
	const path = request.url.split('?')[0];
	if (path === '/jwt') {
		const header = request.headers.authorization ?? '';
		try {
			jwt.verify(header.replace(/^Bearer /, ''), secret, { algorithms: ['HS256'] });
		}
		catch {
			socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
			return;
		}
	}
	else if (path !== '/plain') {
		socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
		return;
	}
	sockets.handleUpgrade(request, socket, head, (ws) => {
		ws.on('error', () => {});
	});
});

server.listen(port, '0.0.0.0', () => console.log(`node control listening on ${port}`));
