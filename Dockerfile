# syntax=docker/dockerfile:1
# Build: docker build -t crier --build-arg VERSION=$(git describe --tags --always) .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# Pure Go (modernc SQLite): a static binary that runs in an empty image.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/crier ./cmd/crier

# distroless/static: CA certificates, /etc/passwd with a nonroot user, no shell.
# Time zones are embedded in the binary (time/tzdata).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/crier /usr/local/bin/crier
USER nonroot:nonroot
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/crier"]
CMD ["run", "--config", "/etc/crier/crier.yaml"]
