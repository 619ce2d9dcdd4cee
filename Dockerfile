# Build with the Maven wrapper, run on a JRE: the same two commands as on a workstation.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src src
# the production jar: no embedded servers (they serve ./mvnw spring-boot:run only), 128 MB instead of 175 MB
RUN ./mvnw -B -q -DskipTests package && cp target/data-forge-*-lean.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 dataforge && mkdir -p /data && chown dataforge /data
WORKDIR /app
COPY --from=build /src/app.jar app.jar
# the JVM flags of the 512 MB container live in deploy/jvm.env, which the benchmarks read too
COPY deploy/jvm.env jvm.env
USER dataforge
ENV DATAFORGE_DATA_DIR=/data
# one JSON object per log line (Spring Boot's structured logging, Elastic Common Schema) for the log shipper;
# ./mvnw spring-boot:run keeps readable text
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/liveness > /dev/null || exit 1
ENTRYPOINT ["/bin/sh", "-c", ". /app/jvm.env && exec java -jar /app/app.jar \"$@\"", "dataforge"]
