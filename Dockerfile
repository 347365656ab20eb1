# Build stage: the same Maven build as CI, tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run stage: JRE only, non-root. Point REDIS_URL at your Redis; mount your bot-config/ over the default.
# No font package: the chart's Chinese labels use the font bundled in the jar (src/main/resources/fonts/).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app zwgk
WORKDIR /app
COPY --from=build /src/target/zwgk-bot.jar /app/zwgk-bot.jar
COPY bot-config /app/bot-config
ENV ZWGK_CONFIG_DIR=/app/bot-config \
    ZWGK_DATA_DIR=/app/data \
    ZWGK_HTTP_PORT=8080
RUN mkdir -p /app/data && chown zwgk /app/data
USER zwgk
EXPOSE 8080
# Exec form: java is PID 1 and gets SIGTERM itself, so `docker stop` runs the graceful shutdown.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8", "-jar", "/app/zwgk-bot.jar"]
CMD ["serve"]
