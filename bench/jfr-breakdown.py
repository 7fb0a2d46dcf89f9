#!/usr/bin/env python3
"""Where the server's CPU samples go, by markers on the handshake path.
   Inclusive (a sample counts for every marker on its stack):
     jfr print --stack-depth 200 --events jdk.ExecutionSample rec.jfr | bench/jfr-breakdown.py
   Innermost (each sample charged once, to the innermost frame matching INNERMOST: a flame graph's
   leaves, grouped, by thread kind; the startup thread left out). Record with only jdk.ExecutionSample
   enabled (10 ms) and -XX:FlightRecorderOptions:stackdepth=256, then
     jfr print --stack-depth 256 --events jdk.ExecutionSample rec.jfr | bench/jfr-breakdown.py --innermost"""
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

INNERMOST = [
    "dev.authwatch.ratelimit", "dev.authwatch.auth.jwt", "dev.authwatch.events", "dev.authwatch.metrics",
    "dev.authwatch.monitor", "ChatProtocol.welcome", "WelcomeFrame", "ChatConnection.sendFirst", "CredentialExpiry",
    "ConnectionRegistry", "AdmissionRecheck", "DirectorySync", "RedisEventRelay",
    "ChatWebSocketHandler.afterConnectionClosed", "ChatWebSocketHandler.afterConnectionEstablished",
    "CappedConnections", "dev.authwatch.auth.AuthenticationChain", "AuthHandshakeInterceptor", "HandshakeFilter",
    "WsSession.onClose", "WsSession.<init>", "WsHttpUpgradeHandler.init", "UpgradeUtil.doUpgrade",
    "AbstractHandshakeHandler", "WebSocketHttpRequestHandler", "org.springframework.web.servlet.DispatcherServlet",
    "WsFilter", "org.springframework.security", "SessionRepositoryFilter", "ServerHttpObservationFilter",
    "RequestContextFilter", "CharacterEncodingFilter", "RequestBodyLimitFilter", "ServletRequestPathFilter",
    "ApplicationFilterChain", "RemoteIpValve", "CoyoteAdapter", "Http11Processor", "UpgradeProcessorInternal",
    "WsFrameServer", "NioEndpoint$Poller", "NioEndpoint", "lettuce", "jackson",
]


def samples(lines):
    """(thread, frames innermost first) per sample."""
    stack, thread = [], ""
    for line in lines:
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            stack, thread = [], ""
        elif line.startswith("sampledThread"):
            thread = re.sub(r"\d+", "N", line.split("=", 1)[1].split("(")[0].strip().strip('"'))
        elif re.match(r"^[\w$.<>/]+\(.*\)\s+line:", line):
            stack.append(re.sub(r"\s+line:.*", "", line).split("(")[0])
        elif line == "]" and stack:
            yield thread, stack
            stack = []


def inclusive(lines):
    total, hits, threads = 0, collections.Counter(), collections.Counter()
    for thread, frames in samples(lines):
        total += 1
        threads[thread] += 1
        for marker in MARKERS:
            if any(marker in frame for frame in frames):
                hits[marker] += 1
    print(f"{total} samples")
    for name, n in threads.most_common(8):
        print(f"  thread {name:30s} {100 * n / total:5.1f}%")
    for marker in MARKERS:
        print(f"  {marker:50s} {100 * hits[marker] / max(total, 1):5.1f}%")


def innermost(lines):
    total, buckets = 0, collections.Counter()
    for thread, frames in samples(lines):
        if thread == "main":
            continue
        total += 1
        marker = next((m for frame in frames for m in INNERMOST if m in frame), None)
        kind = "exec" if thread.startswith("http-nio") else thread
        buckets[f"{kind} | {marker or 'other'}"] += 1
    print(f"samples (startup thread left out): {total}")
    for bucket, count in buckets.most_common(50):
        print(f"{100 * count / max(total, 1):5.1f} %  {bucket}")


(innermost if "--innermost" in sys.argv[1:] else inclusive)(sys.stdin)
