# Helpers the wrk benchmarks source: free loopback ports, two nginx backends, waiting for a listener, one wrk run
# summarised on one line, the load average. The caller sets D (a temp dir it removes) and stops what it started.

# The launcher's JVM options (the pom's app.jvm.options), on one line. Run from the repository root.
launcher_jvm_options() {
    sed -n 's:.*<app.jvm.options>\(.*\)</app.jvm.options>.*:\1:p' pom.xml
}

# The installed gateway service's: the launcher's and the systemd unit's JAVA_TOOL_OPTIONS, so a benchmark runs the
# gateway as operators do.
service_jvm_options() {
    echo "$(launcher_jvm_options)" \
        "$(sed -n 's/^Environment="JAVA_TOOL_OPTIONS=\(.*\)"$/\1/p' packaging/deb-root/lib/systemd/system/switchboard-gateway@.service)"
}

# A free loopback port (the kernel picks it; another process may take it before the caller binds, rarely).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Two nginx backends answering 200 "backend-a"/"backend-b" on 127.0.0.1:$1 and :$2, as peers.sh's do; pid in $D.
# Like peers.sh's, each closes a keep-alive connection after nginx's default of 1,000 requests, so a proxy reconnects
# about 90 times a second at 90k rps; BACKEND_KEEPALIVE_REQUESTS sets that number, to measure what the churn costs.
start_backends() {
    cat > "$D/backends.conf" <<CONF
worker_processes 1; pid $D/nginx-backends.pid; error_log $D/backends.err; daemon on;
events { worker_connections 4096; }
http { access_log off; keepalive_requests ${BACKEND_KEEPALIVE_REQUESTS:-1000};
  server { listen 127.0.0.1:$1; location / { return 200 "backend-a\n"; } }
  server { listen 127.0.0.1:$2; location / { return 200 "backend-b\n"; } } }
CONF
    nginx -c "$D/backends.conf" -p "$D"
}

# HAProxy with $1 threads on 127.0.0.1:$2, configured as peers.sh's (round robin over the two backends on ports $3 and
# $4, http-reuse always), daemonised with its pid in $D/haproxy-NAME.pid, NAME being $5 (default: the thread count).
# $6, optional, adds frontend lines, such as HAPROXY_GATEWAY_HEADERS. $7, optional, is a file to write HAProxy's
# standard HTTP log to (option httplog, a line per request): logging to stdout, the only way HAProxy writes a file
# itself, needs it in the foreground (a daemon closes its stdout), so it then runs in the background of this shell.
start_haproxy() {
    local name=${5:-$1} log=${7:-}
    cat > "$D/haproxy-$name.cfg" <<CONF
global
  nbthread $1
  pidfile $D/haproxy-$name.pid
$([ -n "$log" ] && echo "  log stdout format raw local0" || echo "  daemon")
defaults
  mode http
$([ -n "$log" ] && printf '  log global\n  option httplog')
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  http-reuse always
frontend fe
  bind 127.0.0.1:$2
${6:-}
  default_backend pool
backend pool
  balance roundrobin
  server a 127.0.0.1:$3
  server b 127.0.0.1:$4
CONF
    if [ -z "$log" ]; then
        haproxy -f "$D/haproxy-$name.cfg"
        return
    fi
    haproxy -f "$D/haproxy-$name.cfg" > "$log" 2> "$D/haproxy-$name.err" &
    echo $! > "$D/haproxy-$name.pid"
    wait_port "$2"
}

# Frontend lines that make HAProxy add to every exchange what the gateway adds (docs/gateway.md, "Routing, headers"):
# X-Forwarded-For, -Proto and -Host and Via towards the backend, Via and Keep-Alive towards the client. peers.sh's
# HAProxy adds none of them, so beside it the gateway does more work per request; this one does the same.
HAPROXY_GATEWAY_HEADERS='  option forwardfor
  http-request set-header X-Forwarded-Proto http
  http-request set-header X-Forwarded-Host %[req.hdr(host)]
  http-request add-header Via "1.1 switchboard"
  http-response add-header Via "1.1 switchboard"
  http-response set-header Keep-Alive timeout=75'

stop_backends() {
    [ -f "$D/nginx-backends.pid" ] && kill "$(cat "$D/nginx-backends.pid")" 2>/dev/null || true
}

# Waits (polling every 10 ms, at most 30 s) until 127.0.0.1:$1 accepts a connection.
wait_port() {
    for _ in $(seq 3000); do
        (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
        sleep 0.01
    done
    echo "nothing listens on 127.0.0.1:$1 after 30 s" >&2
    return 1
}

# The 1-minute load average, to print beside every figure.
load_avg() {
    cut -d' ' -f1 /proc/loadavg
}

# wrk -t1 -cCONN (64 by default) for $1 seconds against URL $2; prints "rps=... p50=... p99=... [errors]".
wrk_line() {
    local out
    out=$(wrk -t1 -c"${CONN:-64}" -d"$1"s --latency "$2" 2>&1)
    printf 'rps=%-9s p50=%-8s p99=%-8s %s' "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" \
        "$(awk '$1 == "50%" {print $2}' <<< "$out")" "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
        "$(awk '/Non-2xx|Socket errors/' <<< "$out" | tr -s ' \n' ' ')"
}
