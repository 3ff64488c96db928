# Shared helpers for scripts/*. Source it; it sets ROOT to the repository root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"

say()  { printf '==> %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Load config/local-database.env; the environment wins over the file.
load_local_db_config() {
    local line key value
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in ''|'#'*) continue ;; esac
        key="${line%%=*}"; value="${line#*=}"
        if [ -z "${!key:-}" ]; then export "$key=$value"; fi
    done < "$ROOT/config/local-database.env"
}

# Install Debian packages that are missing (dpkg -s decides). Needs root or sudo.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing missing packages: ${missing[*]}"
    local apt=(apt-get)
    if ! is_root; then
        command -v sudo >/dev/null || fail "need root or sudo to install: ${missing[*]}"
        apt=(sudo apt-get)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${apt[@]}" update -qq || fail "apt-get update failed"
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "apt-get install ${missing[*]} failed"
}

# What the product needs to build and run.
ensure_build_dependencies() {
    ensure_packages pkg-config libpq-dev libssl-dev zlib1g-dev postgresql
    command -v swift >/dev/null || fail "swift is not on PATH (expected the toolchain at /opt/swift)"
}

# Reads KEY from .env when it is not in the environment (the environment wins).
load_dotenv() {
    [ -f "$ROOT/.env" ] || return 0
    local line key value
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line%$'\r'}"
        case "$line" in ''|'#'*) continue ;; esac
        case "$line" in *=*) ;; *) continue ;; esac
        key="${line%%=*}"; key="${key#export }"; key="${key//[[:space:]]/}"; value="${line#*=}"
        value="${value#"${value%%[![:space:]]*}"}"                      # leading blanks
        case "$value" in
            \"*) value="${value#\"}"; value="${value%%\"*}" ;;          # "quoted" (may hold #)
            \'*) value="${value#\'}"; value="${value%%\'*}" ;;
            '#'*) value="" ;;                                          # empty, then a comment
            *) value="${value%%[[:space:]]#*}"                          # drop a trailing # comment
               value="${value%"${value##*[![:space:]]}"}" ;;            # and trailing blanks
        esac
        if [ -z "${!key:-}" ]; then export "$key=$value"; fi
    done < "$ROOT/.env"
}
