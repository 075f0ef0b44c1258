# Governance server image: build with the .NET SDK, run on the ASP.NET Core runtime.
#   docker build -t governance .
#   docker run -p 8081:8081 governance          (embedded SQLite under /var/lib/governance/data)
# docker-compose.yml runs it on PostgreSQL instead.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The whole checkout but what .dockerignore leaves out (tests, benchmarks, build output).
COPY . .
RUN dotnet publish src/Governance.Server/Governance.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Listen on every interface inside the container (the default outside one is 127.0.0.1 only).
ENV ASPNETCORE_URLS=http://+:8081
# The embedded SQLite database goes to ./data under the working directory: keep it on a volume.
WORKDIR /var/lib/governance
VOLUME /var/lib/governance
# 8081: schema registry API; 9092: the Kafka-protocol broker once the host adds it.
EXPOSE 8081 9092
ENTRYPOINT ["dotnet", "/app/Governance.Server.dll"]
