#!/bin/sh
# JWT helper of the local stack (POSIX sh + openssl only; no other tool).
# Used by ./platform (key pair + `./platform token ROLE`) and by the one-shot `keys`
# service of docker-compose.yml (image alpine/openssl, key dir = the jwt-keys volume).
#
#   jwt.sh keys                    generate the RS256 key pair in $KEY_DIR if missing
#   jwt.sh token ROLE [SUBJECT]    print a signed JWT (RS256) for ROLE, generating the keys if missing
#
# Environment: KEY_DIR (default .platform/keys), JWT_ISSUER (default https://openretention.local),
#              JWT_TTL_SECONDS (default 43200 = 12 h).
# Files: $KEY_DIR/private.pem (PKCS#8, mode 600), $KEY_DIR/public.pem (X.509 SubjectPublicKeyInfo, mode 644).
set -eu

KEY_DIR=${KEY_DIR:-.platform/keys}
JWT_ISSUER=${JWT_ISSUER:-https://openretention.local}
JWT_TTL_SECONDS=${JWT_TTL_SECONDS:-43200}
ROLES="marketing support ops admin"

die() { echo "jwt.sh: $*" >&2; exit 1; }

command -v openssl >/dev/null 2>&1 || die "openssl is required (apt-get install -y openssl)"

ensure_keys() {
    if [ -s "$KEY_DIR/private.pem" ] && [ -s "$KEY_DIR/public.pem" ]; then
        return 0
    fi
    mkdir -p "$KEY_DIR"
    tmp="$KEY_DIR/.private.pem.$$"
    ( umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp" 2>/dev/null ) \
        || die "could not generate the RSA key in $KEY_DIR"
    openssl pkey -in "$tmp" -pubout -out "$KEY_DIR/public.pem.$$" || die "could not derive the public key"
    chmod 600 "$tmp"
    chmod 644 "$KEY_DIR/public.pem.$$"
    mv -f "$tmp" "$KEY_DIR/private.pem"
    mv -f "$KEY_DIR/public.pem.$$" "$KEY_DIR/public.pem"
    echo "Generated the JWT key pair in $KEY_DIR (private.pem, public.pem)" >&2
}

# base64url without padding, of stdin
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '=\n'; }

uuid() {
    if [ -r /proc/sys/kernel/random/uuid ]; then
        cat /proc/sys/kernel/random/uuid
    else
        h=$(openssl rand -hex 16)
        echo "$h" | sed -E 's/^(.{8})(.{4})(.{4})(.{4})(.{12})$/\1-\2-\3-\4-\5/'
    fi
}

token() {
    role=${1:-}
    subject=${2:-}
    [ -n "$role" ] || die "usage: token ROLE [SUBJECT]   (ROLE: $ROLES)"
    ok=no
    for r in $ROLES; do [ "$r" = "$role" ] && ok=yes; done
    [ "$ok" = yes ] || die "unknown role '$role' (expected one of: $ROLES)"
    [ -n "$subject" ] || subject="local-$role"
    # keep the JSON trivially safe: no quotes, backslashes or control characters
    case "$subject" in
        *[!A-Za-z0-9._@+-]*) die "subject '$subject' may only contain letters, digits and . _ @ + -" ;;
    esac
    case "$JWT_TTL_SECONDS" in ''|*[!0-9]*) die "JWT_TTL_SECONDS must be a number of seconds" ;; esac
    case "$subject" in *@*) upn=$subject ;; *) upn="$subject@openretention.local" ;; esac

    ensure_keys
    now=$(date +%s)
    exp=$((now + JWT_TTL_SECONDS))
    header='{"alg":"RS256","typ":"JWT"}'
    payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%s,"exp":%s,"jti":"%s"}' \
        "$JWT_ISSUER" "$subject" "$upn" "$role" "$now" "$exp" "$(uuid)")
    signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
    signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$KEY_DIR/private.pem" -binary | b64url)
    [ -n "$signature" ] || die "signing failed (key: $KEY_DIR/private.pem)"
    printf '%s.%s\n' "$signing_input" "$signature"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    keys) ensure_keys ;;
    token) token "$@" ;;
    *) die "usage: jwt.sh keys | jwt.sh token ROLE [SUBJECT]" ;;
esac
