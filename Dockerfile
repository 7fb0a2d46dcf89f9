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
RUN groupadd --system authwatch && useradd --system --gid authwatch --home-dir /app authwatch
WORKDIR /app
COPY --from=build /workspace/target/authwatch.jar /app/authwatch.jar
USER authwatch
EXPOSE 8080
# Container-aware heap sizing; override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/authwatch.jar"]
