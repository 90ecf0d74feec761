# goredis server image: build the jar first (mvn -B package -DskipTests), then `docker build .`
FROM eclipse-temurin:25-jre
COPY target/goredis.jar /opt/goredis/goredis.jar
EXPOSE 6379
ENTRYPOINT ["java", "-jar", "/opt/goredis/goredis.jar"]
