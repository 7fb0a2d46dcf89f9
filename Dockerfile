# syntax=docker/dockerfile:1
# AuthWatch image: built from this repository with the Maven wrapper, run on a JRE 17.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# Dependencies first, so a source change does not download the world again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
# go-offline is a cache warm-up only (it cannot resolve every plugin); the package step below
# is the one that must succeed.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline || true
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests

FROM eclipse-temurin:17-jre
# A fixed uid, so that a bind-mounted data directory can be given to it: chown 10001:10001 <dir>.
RUN groupadd --system --gid 10001 authwatch \
 && useradd --system --uid 10001 --gid authwatch --home-dir /app --no-create-home authwatch \
 && install -d -o authwatch -g authwatch -m 0700 /var/lib/authwatch
WORKDIR /app
# Code stays root's: the service cannot change what it runs.
COPY --from=build /workspace/target/authwatch.jar /app/authwatch.jar
# The one directory AuthWatch writes at run time (docs/runbook.md, "Where AuthWatch keeps its files").
ENV AUTHWATCH_DATA_DIR=/var/lib/authwatch
VOLUME /var/lib/authwatch
USER authwatch
EXPOSE 8080
# Heap at 70 % of the container's memory limit, the rest for metaspace, code, threads and GC
# (docker-compose.yml sizes the limit for it); override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/authwatch.jar"]
