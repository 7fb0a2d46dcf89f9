#!/usr/bin/env python3
"""Where the server's CPU samples go, exclusively: each sample is charged to the innermost frame on its stack
   that matches one of the markers below (a flame graph's leaves, grouped), by thread kind. Record with
   --server-jvm "-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=rec.jfr,settings=S"
   where S enables only jdk.ExecutionSample (10 ms); then
   jfr print --stack-depth 256 --events jdk.ExecutionSample rec.jfr | bench/jfr-innermost.py"""
import collections, re, sys

MARKERS = [
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
buckets = collections.Counter()
total = 0
stack, thread = [], ""
for line in sys.stdin:
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        stack, thread = [], ""
    elif line.startswith("sampledThread"):
        thread = re.sub(r"\d+", "N", line.split("=", 1)[1].split("(")[0].strip().strip('"'))
    elif re.match(r"^[\w$.<>/]+\(.*\)\s+line:", line):
        stack.append(re.sub(r"\s+line:.*", "", line).split("(")[0])
    elif line == "]" and stack:
        if thread != "main":
            total += 1
            marker = next((m for frame in stack for m in MARKERS if m in frame), None)
            kind = "exec" if thread.startswith("http-nio") else thread
            buckets[f"{kind} | {marker or 'other'}"] += 1
        stack = []
print(f"samples (startup thread left out): {total}")
for bucket, count in buckets.most_common(50):
    print(f"{100 * count / total:5.1f} %  {bucket}")
