#!/usr/bin/env python3
"""Where the server's CPU samples go, inclusive, by a few markers on the handshake path.
   jfr print --stack-depth 200 --events jdk.ExecutionSample rec.jfr | bench/jfr-breakdown.py"""
import collections, re, sys

MARKERS = [
    "AccessTokenValidator.validate", "io.jsonwebtoken", "TicketAuthenticator.authenticate",
    "AuthenticationChain.record", "AuthMetrics.onAttempt", "AuthenticationMonitor.onAttempt",
    "AuthAttemptEvents.onAttempt", "AuthEventLog.publish",
    "ChatWebSocketHandler.afterConnectionEstablished", "ChatProtocol.welcome", "CredentialExpiry.schedule",
    "ChatWebSocketHandler.afterConnectionClosed", "ConnectionRegistry.add", "ConnectionRegistry.remove",
    "AuthHandshakeInterceptor.beforeHandshake", "WebSocketHttpRequestHandler.handleRequest",
    "DispatcherServlet.doDispatch", "Http11Processor.service", "UpgradeUtil.doUpgrade",
    "WsFrameServer.onDataAvailable", "WsSession.close", "NioEndpoint$Poller.run",
    "io.micrometer", "ch.qos.logback", "sun.security", "javax.crypto", "tools.jackson", "com.fasterxml.jackson",
]
total = 0
hits = collections.Counter()
threads = collections.Counter()
stack, thread = [], ""
for line in sys.stdin:
    line = line.strip()
    if line.startswith("sampledThread"):
        thread = re.sub(r'[-\d]+"?\s*\(.*$', "", line.split("=", 1)[1].strip().strip('"'))
    elif line.startswith("stackTrace"):
        stack = []
    elif line.endswith("line:") or " line: " in line or line.endswith(")"):
        stack.append(line)
    elif line == "}" and stack:
        total += 1
        threads[thread] += 1
        text = "\n".join(stack)
        for marker in MARKERS:
            if marker in text:
                hits[marker] += 1
        stack = []
print(f"{total} samples")
for name, n in threads.most_common(8):
    print(f"  thread {name:30s} {100 * n / total:5.1f}%")
for marker in MARKERS:
    print(f"  {marker:50s} {100 * hits[marker] / max(total, 1):5.1f}%")
