# Build and publish with the SDK, run on the smaller ASP.NET Core runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Authorization/Authorization.csproj src/Authorization/
COPY src/Api/Api.csproj src/Api/
RUN dotnet restore src/Api/Api.csproj
COPY schema.graphql ./
COPY src/ src/
RUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY schema.graphql ./schema.graphql
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Store="Data Source=/data/collectionstore.db" \
    Schema__Path=/app/schema.graphql
# The SQLite file lives on a volume so data survives container replacement.
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "CollectionStore.Api.dll"]
