# Sourced by the scripts that start a server or mock and then test it.
# wait_for <pid> <probe command…>: runs the probe every 0.1 s until it succeeds (status 0), the process has exited
# (status 1, at once: a bad start fails without waiting) or 60 s have passed (status 1). A loaded CI host once needed
# more than the 10 s these scripts used to allow for a mock that starts in 0.06 s here.
wait_for() {
    local pid="$1"; shift
    for _ in $(seq 1 600); do
        "$@" && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
