# The gateway, built from this repository: docker build -t seamline .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl gateway -am package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/seamline seamline && mkdir -p /var/lib/seamline /var/lib/seamline-blobs \
    && chown seamline /var/lib/seamline /var/lib/seamline-blobs
USER seamline
WORKDIR /var/lib/seamline
COPY --from=build /src/gateway/target/seamline.jar /opt/seamline/seamline.jar
ENV SEAMLINE_DATA_DIR=/var/lib/seamline
EXPOSE 8080 2222
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/seamline/seamline.jar"]
