. "$(dirname "$0")/lib.sh"
mkdir -p "$work/site"
start_server --root "$work/site"
cat > "$work/site/index.html" <<HTML
<html><head><title>x</title></head><body><a href="$EPPID/fault/chain?n=2">dok</a> <a href="$EPPID/fault/missing.pdf">m</a> <a href="$EPPID/fault/empty.pdf">e</a></body></html>
HTML
crawl ext --timeout 2 --retries 0 --delay 0 --check-external "$SITE/"
jq -c 'select(.type=="link")' "$records"
finish
