# syntax=docker/dockerfile:1
# Build: docker build -t crier --build-arg VERSION=$(git describe --tags --always) .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
# go.mod replaces go-htmldate (without go-dateparser) and go-trafilatura
# (without gomoji) with these copies.
COPY internal/thirdparty/ internal/thirdparty/
RUN go mod download
COPY . .
ARG VERSION=dev
# Pure Go (modernc SQLite): a static binary that runs in an empty image.
# Time zones are embedded in it (time/tzdata).
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/usr/local/bin/crier ./cmd/crier \
 && mkdir -p /out/data /out/etc/ssl/certs /out/etc/crier \
 && cp /etc/ssl/certs/ca-certificates.crt /out/etc/ssl/certs/ \
 && echo 'crier:x:65532:65532:crier:/data:/sbin/nologin' > /out/etc/passwd \
 && echo 'crier:x:65532:' > /out/etc/group

FROM scratch
COPY --from=build /out/usr/ /usr/
COPY --from=build /out/etc/ /etc/
COPY --from=build --chown=65532:65532 /out/data/ /data/
ENV PATH=/usr/local/bin CRIER_CONFIG=/etc/crier/crier.yaml
USER 65532:65532
WORKDIR /data
VOLUME ["/data"]
# http.listen in the config (examples/container.yaml: ":8080"): /healthz,
# /readyz, /metrics and the Telegram webhook.
EXPOSE 8080
# The image has no shell and no curl: the binary asks its own listener.
# It reads http.listen from $CRIER_CONFIG, whatever the secrets.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["crier", "healthcheck"]
ENTRYPOINT ["crier"]
CMD ["run"]
