# Build with the Maven wrapper, run on a JRE: the same two commands as on a workstation.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/data-forge-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 dataforge && mkdir -p /data && chown dataforge /data
WORKDIR /app
COPY --from=build /src/app.jar app.jar
USER dataforge
# 30 % heap (about 150 MB in 512 MB, over twice the live set) and two malloc arenas keep a busy instance, a
# PDF export included, under 512 MB resident: classes, code and threads take about 250 MB beside the heap, and
# glibc's per-thread arenas tens more (figures in BENCHMARKS.md)
ENV DATAFORGE_DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=30 -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/liveness > /dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
