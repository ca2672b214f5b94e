#!/usr/bin/env bash
# The deployment path of the EC2, uWSGI and nginx-wsgi notes, run end to end on this machine.
#
# Every command and config file comes out of the notes' own code blocks (tests/deploy/dumpBlocks.ts), found by
# file + title or by a line the block must contain. What cannot run here as written (a fresh Debian 12 CI machine
# without systemd, PyPI or an EC2 instance) is replaced, and every replacement is printed as a SUBSTITUTION line.
# Nothing is skipped silently: what is not run says SKIP and why. Only 127.0.0.1 is ever contacted.
#
# Runs as root. Re-runnable: users that exist are reused; what the last run left behind is removed first
# (only paths this test creates, recorded in $STATE/created). Cleans up on exit: stops the nginx and uWSGI it
# started, removes the files it created. KEEP=1 keeps the files (not the processes) for a look afterwards.
#
# Ends with `deploy: N passed, M failed`; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
ROOT=$PWD

STATE=/var/tmp/study-notes-deploy-test
BLOCKS=$STATE/blocks
LOGS=$STATE/logs
SYS_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
PASSED=0
FAILED=0
STEP=0

# ------------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------------
step() {
  STEP=$((STEP + 1))
  printf '\n=== deploy step %d (%ds): %s\n' "$STEP" "$SECONDS" "$*"
}
say() { printf '  %s\n' "$*"; }
subst() { printf '  SUBSTITUTION: %s\n' "$*"; }
skip() { printf '  SKIP: %s\n' "$*"; }
pass() {
  PASSED=$((PASSED + 1))
  printf '  PASS: %s\n' "$*"
}
fail() {
  FAILED=$((FAILED + 1))
  printf '  FAIL: %s\n' "$*"
}
check() { # check "description" command...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# A failure that makes the rest meaningless: report, clean up, stop.
abort() {
  fail "$*"
  say "stopping here: later steps depend on this one"
  exit 1
}
indent() { sed 's/^/    | /'; }

# ------------------------------------------------------------------------------------------------
# Code blocks of the notes
# ------------------------------------------------------------------------------------------------
# block FILE [title=T] [has=S]... [lacks=S]...  → prints the path of the one block that matches
block() {
  local file=$1
  shift
  local matches=() n f line title ok arg
  while IFS=$'\t' read -r n f line _ title; do
    [ "$f" = "$file" ] || continue
    ok=1
    for arg in "$@"; do
      case $arg in
        title=*) [ "$title" = "${arg#title=}" ] || ok=0 ;;
        has=*) grep -qF -- "${arg#has=}" "$BLOCKS/$n.txt" || ok=0 ;;
        lacks=*) ! grep -qF -- "${arg#lacks=}" "$BLOCKS/$n.txt" || ok=0 ;;
      esac
    done
    [ "$ok" = 1 ] && matches+=("$n:$line")
  done <"$BLOCKS/index.tsv"
  if [ "${#matches[@]}" -ne 1 ]; then
    printf 'expected exactly one code block in content/%s matching [%s], found %d\n' "$file" "$*" "${#matches[@]}" >&2
    return 1
  fi
  printf '%s\n' "$BLOCKS/${matches[0]%%:*}.txt"
  printf '  block: content/%s:%s\n' "$file" "${matches[0]#*:}" >&2
}
# need_block: like block; the caller stops the test if the block is missing (B=$(need_block …) || missing) || missing
need_block() { block "$@"; }
missing() { abort "a code block this test runs is missing from the notes (see above): update tests/deploy/run.sh"; }

# ------------------------------------------------------------------------------------------------
# Running commands as the notes' users
# ------------------------------------------------------------------------------------------------
as_root() { env -i PATH=$SYS_PATH HOME=/root LANG=C.UTF-8 bash -c "$1"; }
as_ubuntu() { # as_ubuntu CWD COMMAND
  runuser -u ubuntu -- env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/home/ubuntu USER=ubuntu LOGNAME=ubuntu \
    LANG=C.UTF-8 bash -c "cd '$1' && $2"
}
# The notes' own substitutions for this machine, applied to one command line; each one is printed.
adapt() {
  local line=$1 out=$1
  case $out in
    *'/usr/local/bin/uwsgi'*)
      out=${out//\/usr\/local\/bin\/uwsgi//usr/bin/uwsgi_python3}
      subst "/usr/local/bin/uwsgi (root-owned copy of the pip-built uWSGI) → /usr/bin/uwsgi_python3 (Debian uwsgi-core, loads its python3 plugin by name; uWSGI $(uwsgi-core --version))" >&2
      ;;
  esac
  if [[ $out == *uwsgi_python3* && $out == *'--http '* ]]; then
    out=${out/uwsgi_python3 /uwsgi_python3 --plugins http }
    subst "--plugins http added: Debian's uWSGI has the HTTP router as a plugin, pip's has it built in" >&2
  fi
  if [[ $out == *'--http :8000'* ]]; then
    out=${out//--http :8000/--http 127.0.0.1:8000}
    subst "--http :8000 → --http 127.0.0.1:8000 (the test only talks to localhost)" >&2
  fi
  if [[ $out == *'runserver 0.0.0.0:8000'* ]]; then
    out=${out//runserver 0.0.0.0:8000/runserver 127.0.0.1:8000}
    subst "runserver 0.0.0.0:8000 → 127.0.0.1:8000 (the test only talks to localhost)" >&2
  fi
  if [[ $out == 'python3 -m venv /srv/mysite/.venv' ]]; then
    out='python3 -m venv --system-site-packages /srv/mysite/.venv'
    subst "python3 -m venv → python3 -m venv --system-site-packages: no PyPI here, Django comes from Debian's python3-django $(dpkg-query -W -f '${Version}' python3-django) in /usr/lib/python3/dist-packages" >&2
  fi
  printf '%s\n' "$out"
}
# run_lines BLOCK CWD: runs a bash block line by line, as the notes mean it: lines that start with sudo as
# root (sudo included), the others as ubuntu. pip, apt, git and systemctl lines are handled by the caller.
run_lines() {
  local file=$1 cwd=$2 line cmd rc
  while IFS= read -r line || [ -n "$line" ]; do
    [[ -z ${line// /} || $line == \#* ]] && continue
    case $line in
      *'pip install'*)
        subst "not run: $line (no PyPI here; Django from python3-django, uWSGI from uwsgi-core + uwsgi-plugin-python3)"
        continue
        ;;
      'sudo apt '* | 'sudo apt-get '*)
        subst "not run: $line (Debian packages installed in step 1 from tests/deploy/apt-packages.txt)"
        continue
        ;;
    esac
    cmd=$(adapt "$line")
    if [[ $cmd == sudo* ]]; then
      say "run (root): $cmd"
      as_root "cd '$cwd' && $cmd" 2>&1 | indent
      rc=${PIPESTATUS[0]}
    else
      say "run (ubuntu, in $cwd): $cmd"
      as_ubuntu "$cwd" "$cmd" 2>&1 | indent
      rc=${PIPESTATUS[0]}
    fi
    if [ "$rc" -ne 0 ]; then
      fail "exit status $rc: $cmd"
      return 1
    fi
  done <"$file"
  return 0
}
# put_file BLOCK DEST OWNER: writes a block to DEST as OWNER and checks it is byte-identical to the block
put_file() {
  local src=$1 dest=$2 owner=$3
  as_root "install -m 644 -o $owner -g $owner '$src' '$dest'" || return 1
  cmp -s "$src" "$dest"
}
owner_mode() { stat -c '%U:%G %a' "$1" 2>/dev/null; }
expect_owner_mode() { # expect_owner_mode PATH "user:group mode"
  local got
  got=$(owner_mode "$1")
  check "$1 is $2 (got: ${got:-missing})" [ "$got" = "$2" ]
}
# http HOST PATH PORT → sets HTTP_CODE, writes the body to $STATE/body
http() {
  HTTP_CODE=$(curl -s -o "$STATE/body" -w '%{http_code}' --max-time 10 -H "Host: $1" "http://127.0.0.1:${3:-80}$2")
  say "curl -H 'Host: $1' http://127.0.0.1:${3:-80}$2 → $HTTP_CODE"
}
expect_http() { # expect_http HOST PATH PORT CODE [TEXT-IN-BODY]
  http "$1" "$2" "$3"
  if [ "$HTTP_CODE" = "$4" ] && { [ -z "${5:-}" ] || grep -qF -- "$5" "$STATE/body"; }; then
    pass "Host $1, $2 → $4${5:+ with \"$5\"}"
  else
    fail "Host $1, $2: expected $4${5:+ with \"$5\"}, got $HTTP_CODE"
    head -c 400 "$STATE/body" | indent
  fi
}
wait_for() { # wait_for SECONDS COMMAND...
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}
# A background process in its own process group, remembered for cleanup.
start_bg() { # start_bg NAME LOG COMMAND (a bash -c string, run by runuser/env as given)
  local name=$1 log=$2
  shift 2
  # A script's background jobs start with SIGINT and SIGQUIT ignored; give them back their default action, as
  # in a terminal, so that Ctrl+C (SIGINT) and the unit's KillSignal=SIGQUIT mean what they mean there.
  setsid env --default-signal=INT,QUIT "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}
stop_bg() { # stop_bg NAME SIGNAL
  local pidfile=$STATE/$1.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$2" -- "-$pid" 2>/dev/null
    wait_for 15 bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL -- "-$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
}

# ------------------------------------------------------------------------------------------------
# What this test creates, and cleaning it up
# ------------------------------------------------------------------------------------------------
CREATED_PATHS=(/srv/mysite /etc/mysite /var/lib/mysite /etc/uwsgi/vassals/mysite.ini
  /etc/nginx/sites-enabled/mysite /etc/nginx/sites-available/mysite /run/uwsgi)
NGINX_STARTED=0

remove_created() {
  local p
  [ -f "$STATE/created" ] || return 0
  for p in "${CREATED_PATHS[@]}"; do
    if grep -qxF "$p" "$STATE/created" && { [ -e "$p" ] || [ -L "$p" ]; }; then rm -rf "$p"; fi
  done
  rmdir /etc/uwsgi/vassals /etc/uwsgi 2>/dev/null
  rm -f "$STATE/created"
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  printf '\n=== cleanup\n'
  for name in runserver uwsgi-cli uwsgi-manual; do stop_bg "$name" INT; done
  if [ -f "$STATE/emperor.pid" ]; then
    stop_bg emperor QUIT
    say "stopped the uWSGI Emperor this test started"
  fi
  if [ -L /etc/nginx/sites-enabled/mysite ] && grep -qxF /etc/nginx/sites-enabled/mysite "$STATE/created" 2>/dev/null; then
    rm -f /etc/nginx/sites-enabled/mysite
  fi
  if [ "$NGINX_STARTED" = 1 ]; then
    nginx -s quit 2>/dev/null && say "stopped the nginx this test started (nginx -s quit)"
    wait_for 10 bash -c '! pgrep -x nginx >/dev/null' || true
  elif pgrep -x nginx >/dev/null && [ -f "$STATE/created" ]; then
    nginx -s reload 2>/dev/null && say "nginx was running before the test: reloaded without the mysite server block"
  fi
  if [ "${KEEP:-0}" = 1 ]; then
    say "KEEP=1: files left in place (${CREATED_PATHS[*]})"
  else
    remove_created
    say "removed what the test created (users ubuntu and deploy are kept; logs in $LOGS)"
  fi
  printf '\ndeploy: %d passed, %d failed\n' "$PASSED" "$FAILED"
  if [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; then exit 1; fi
  exit 0
}

record_created() { printf '%s\n' "$@" >>"$STATE/created"; }

# ================================================================================================
if [ "$(id -u)" -ne 0 ]; then
  echo "tests/deploy/run.sh creates users, /srv/mysite, /etc/nginx sites and runs nginx: run it as root" >&2
  exit 1
fi
mkdir -p "$STATE" "$LOGS"
chmod 755 "$STATE"

step "Leftovers of an earlier run"
for name in runserver uwsgi-cli uwsgi-manual emperor; do
  if [ -f "$STATE/$name.pid" ]; then
    say "stopping $name left running by an earlier run (pid $(cat "$STATE/$name.pid"))"
    stop_bg "$name" QUIT
  fi
done
if [ -f "$STATE/created" ]; then
  say "removing what an earlier run created: $(tr '\n' ' ' <"$STATE/created")"
  remove_created
fi
for p in "${CREATED_PATHS[@]}"; do
  if [ -e "$p" ] || [ -L "$p" ]; then
    echo "  FAIL: $p exists and was not made by this test; not touching it" >&2
    exit 1
  fi
done
say "nothing in the way: ${CREATED_PATHS[*]}"
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------
step "Debian packages (tests/deploy/apt-packages.txt)"
mapfile -t packages < <(grep -v '^\s*#' tests/deploy/apt-packages.txt | sed '/^\s*$/d')
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } 2>&1 | tail -n 5 | indent
fi
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || abort "Debian package $p is not installed"; done
pass "installed: ${packages[*]}"
. /etc/os-release
PYVER=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
DJVER=$(/usr/bin/python3 -c 'import django; print(django.get_version())')
subst "Ubuntu 24.04 LTS → $PRETTY_NAME"
subst "Python 3.12 (Ubuntu's python3) → Python $PYVER (Debian's /usr/bin/python3)"
subst "Django from requirements.txt via pip → Debian python3-django, Django $DJVER"
subst "pip-built uWSGI in the venv (/srv/mysite/.venv/bin/uwsgi, copied to /usr/local/bin/uwsgi) → Debian uwsgi-core $(uwsgi-core --version) + uwsgi-plugin-python3, run as /usr/bin/uwsgi_python3"
subst "sudo apt install -y python3-venv python3-pip python3-dev build-essential git (ec2.md) and build-essential python3-dev (uwsgi.md) → not needed: nothing is compiled or cloned here"

step "What this test does not run"
skip "ec2.md: the AWS console (MFA, IAM user, instance, key pair, security group), ssh/scp/rsync from your PC: they need AWS and a second machine; scp/rsync are replaced by startproject below"
skip "ec2.md: apt upgrade, zsh/oh-my-zsh and pyenv (optional, and they download from the internet)"
skip "uwsgi.md: the local runs on your PC (pyenv's mysite-dev, conf/uwsgi/debug.ini with /Users/me paths)"
skip "uwsgi.md: systemctl daemon-reload/enable/status and journalctl (no systemd here; the unit file itself is checked by npm run test:code with systemd-analyze verify, and its settings are carried out in the Emperor step)"
skip "nginx-wsgi.md: hello_wsgi.py, mini_server.py, hello_asgi.py (teaching examples, compiled by npm run test:code)"

step "Code blocks of the notes"
rm -rf "$BLOCKS"
"$ROOT/node_modules/.bin/tsx" tests/deploy/dumpBlocks.ts "$BLOCKS" 2>&1 | indent
[ -s "$BLOCKS/index.tsv" ] || abort "could not read the code blocks of content/*.md"
pass "code blocks written to $BLOCKS"

# ------------------------------------------------------------------------------------------------
step "Users: ubuntu (the AMI's) and deploy (uwsgi.md)"
if id ubuntu >/dev/null 2>&1; then
  say "user ubuntu exists (reused)"
else
  subst "the Ubuntu AMI's default user ubuntu does not exist on Debian: useradd --create-home --shell /bin/bash ubuntu"
  useradd --create-home --shell /bin/bash ubuntu || abort "useradd ubuntu"
fi
check "user ubuntu exists" bash -c 'id ubuntu >/dev/null'
B=$(need_block uwsgi.md has='adduser --system --group --no-create-home deploy') || missing
if id deploy >/dev/null 2>&1; then
  say "user deploy exists (earlier run): not running '$(cat "$B")' again"
else
  run_lines "$B" / || abort "could not create the deploy user as uwsgi.md says"
fi
check "deploy is a system user with the nologin shell and its own group" \
  bash -c '[ "$(getent passwd deploy | cut -d: -f7)" = /usr/sbin/nologin ] && [ "$(id -gn deploy)" = deploy ] && [ "$(id -u deploy)" -lt 1000 ]'
check "www-data exists (nginx's worker user)" bash -c 'id www-data >/dev/null'

# ------------------------------------------------------------------------------------------------
step "ec2.md: /srv/mysite for ubuntu"
record_created /srv/mysite /etc/mysite /var/lib/mysite
B=$(need_block ec2.md has='install -d -o ubuntu -g ubuntu -m 755 /srv/mysite') || missing
run_lines "$B" / || abort "/srv/mysite"
expect_owner_mode /srv/mysite "ubuntu:ubuntu 755"
check "/srv itself stays root's" [ "$(stat -c %U /srv)" = root ]

step "ec2.md: the project's code"
subst "git clone / scp / rsync of your repository → python3 -m django startproject config /srv/mysite, as ubuntu (Django $DJVER's template; the notes assume a project made by startproject)"
as_ubuntu /srv/mysite "python3 -m django startproject config /srv/mysite" 2>&1 | indent
check "startproject made manage.py, config/settings.py and config/wsgi.py" \
  test -f /srv/mysite/manage.py -a -f /srv/mysite/config/settings.py -a -f /srv/mysite/config/wsgi.py
B=$(need_block ec2.md has='mv config/settings.py config/settings/base.py') || missing
subst "run in the local repository in the notes (then committed and pulled) → run in /srv/mysite as ubuntu"
run_lines "$B" /srv/mysite || abort "settings split (ec2.md)"
B=$(need_block ec2.md title='config/settings/base.py (BASE_DIR 줄)') || missing
NEW_BASE_DIR=$(grep '^BASE_DIR = ' "$B")
OLD_BASE_DIR=$(grep '^BASE_DIR = ' /srv/mysite/config/settings/base.py)
say "base.py from startproject: $OLD_BASE_DIR"
say "ec2.md's line:             $NEW_BASE_DIR"
check "startproject's BASE_DIR had two .parent (so the note's warning applies)" \
  [ "$OLD_BASE_DIR" = 'BASE_DIR = Path(__file__).resolve().parent.parent' ]
as_ubuntu /srv/mysite "sed -i 's|^BASE_DIR = .*|$NEW_BASE_DIR|' config/settings/base.py"
check "BASE_DIR in config/settings/base.py is the project root /srv/mysite" bash -c \
  "cd /srv/mysite && [ \"\$(/usr/bin/python3 -c 'import config.settings.base as b; print(b.BASE_DIR)')\" = /srv/mysite ]"

step "ec2.md: the secret key file"
B=$(need_block ec2.md has='install -d -o ubuntu -g ubuntu -m 700 /etc/mysite') || missing
run_lines "$B" /home/ubuntu || abort "secret key file (ec2.md)"
expect_owner_mode /etc/mysite "ubuntu:ubuntu 700"
expect_owner_mode /etc/mysite/secret_key "ubuntu:ubuntu 600"
check "the secret key is 67 URL-safe characters (token_urlsafe(50))" \
  bash -c '[ "$(tr -d "\n" </etc/mysite/secret_key | grep -cE "^[A-Za-z0-9_-]{67}$")" = 1 ]'

step "ec2.md: the virtual environment"
B=$(need_block ec2.md has='python3 -m venv /srv/mysite/.venv') || missing
run_lines "$B" /srv/mysite || abort "venv (ec2.md)"
check "the venv's python imports Django $DJVER" bash -c \
  "[ \"\$(/srv/mysite/.venv/bin/python -c 'import django; print(django.get_version())')\" = '$DJVER' ]"

step "ec2.md: config/settings/deploy.py"
B=$(need_block ec2.md title='config/settings/deploy.py') || missing
EC2_DEPLOY=$B
check "config/settings/deploy.py is ec2.md's block, byte for byte" put_file "$B" /srv/mysite/config/settings/deploy.py ubuntu

step "ec2.md: runserver with the deploy settings"
B=$(need_block ec2.md has='manage.py runserver 0.0.0.0:8000') || missing
CMD=$(adapt "$(cat "$B")")
say "run (ubuntu, in the background): $CMD"
start_bg runserver "$LOGS/runserver.log" runuser -u ubuntu -- env -i PATH=/usr/bin:/bin HOME=/home/ubuntu LANG=C.UTF-8 bash -c "$CMD"
if wait_for 30 curl -s -o /dev/null --max-time 2 http://127.0.0.1:8000/; then
  expect_http 203.0.113.10 / 8000 404 "Not Found"
  expect_http ec2-203-0-113-10.ap-northeast-2.compute.amazonaws.com /nothing-here/ 8000 404 "Not Found"
  expect_http evil.example / 8000 400 "Bad Request"
else
  fail "runserver did not answer on 127.0.0.1:8000"
  indent <"$LOGS/runserver.log"
fi
stop_bg runserver INT
say "stopped runserver (SIGINT, as Ctrl+C)"

# ------------------------------------------------------------------------------------------------
step "uwsgi.md: the secret key file for deploy"
B=$(need_block uwsgi.md has='chown -R root:deploy /etc/mysite') || missing
run_lines "$B" / || abort "chown of /etc/mysite (uwsgi.md)"
expect_owner_mode /etc/mysite "root:deploy 750"
expect_owner_mode /etc/mysite/secret_key "root:deploy 640"
check "ubuntu can no longer read the secret key (as uwsgi.md says)" bash -c '! runuser -u ubuntu -- cat /etc/mysite/secret_key >/dev/null 2>&1'
check "deploy can read it" bash -c 'runuser -u deploy -- cat /etc/mysite/secret_key >/dev/null'

step "uwsgi.md: check --deploy as deploy"
B=$(need_block uwsgi.md has='check --deploy') || missing
run_lines "$B" / >"$LOGS/check-deploy.log" 2>&1
RC=$?
cat "$LOGS/check-deploy.log"
check "check --deploy succeeded" [ "$RC" -eq 0 ]
WARNINGS=$(grep -oE 'security\.W[0-9]+' "$LOGS/check-deploy.log" | sort -u | tr '\n' ' ')
say "warnings: ${WARNINGS:-none}"
check "only the four HTTPS warnings uwsgi.md names (W004, W008, W012, W016)" \
  [ "$WARNINGS" = "security.W004 security.W008 security.W012 security.W016 " ]

step "uwsgi.md: why deploy needs its own database directory"
say "run (root): sudo -u deploy /srv/mysite/.venv/bin/python /srv/mysite/manage.py migrate --settings=config.settings.deploy (before the DATABASES lines: the default /srv/mysite/db.sqlite3)"
OUT=$(as_root "sudo -u deploy /srv/mysite/.venv/bin/python /srv/mysite/manage.py migrate --settings=config.settings.deploy" 2>&1)
printf '%s\n' "$OUT" | tail -n 2 | indent
check "without it, migrate fails as uwsgi.md says ('attempt to write a readonly database': runserver as ubuntu left an empty db.sqlite3)" \
  bash -c "grep -qE 'unable to open database file|attempt to write a readonly database' <<<\"\$1\"" _ "$OUT"

check "runserver as ubuntu had left an empty /srv/mysite/db.sqlite3 owned by ubuntu (uwsgi.md)" bash -c \
  '[ -f /srv/mysite/db.sqlite3 ] && [ ! -s /srv/mysite/db.sqlite3 ] && [ "$(stat -c %U /srv/mysite/db.sqlite3)" = ubuntu ]'
say "run (ubuntu): rm /srv/mysite/db.sqlite3 (uwsgi.md, in the text)"
as_ubuntu /srv/mysite "rm /srv/mysite/db.sqlite3" || fail "rm /srv/mysite/db.sqlite3"

step "uwsgi.md: /var/lib/mysite, DATABASES, migrate"
B=$(need_block uwsgi.md has='install -d -o deploy -g deploy -m 750 /var/lib/mysite') || missing
run_lines "$B" / || abort "/var/lib/mysite"
expect_owner_mode /var/lib/mysite "deploy:deploy 750"
B=$(need_block uwsgi.md title='config/settings/deploy.py (끝에 추가)' has='DATABASES') || missing
UWSGI_DEPLOY_DB=$B
say "appending to config/settings/deploy.py (as ubuntu): $(tr '\n' ' ' <"$B")"
as_ubuntu /srv/mysite "cat '$B' >> config/settings/deploy.py" || abort "append DATABASES"
B=$(need_block uwsgi.md has='manage.py migrate') || missing
run_lines "$B" / || fail "migrate as deploy"
expect_owner_mode /var/lib/mysite/db.sqlite3 "deploy:deploy 644"
check "the database has Django's tables" bash -c \
  "[ \"\$(sudo -u deploy sqlite3 /var/lib/mysite/db.sqlite3 'select count(*) from django_migrations')\" -gt 0 ]"

step "uwsgi.md: the uWSGI binary"
B=$(need_block uwsgi.md has='install -m 755 /srv/mysite/.venv/bin/uwsgi /usr/local/bin/uwsgi') || missing
subst "not run: $(cat "$B") (no pip-built uWSGI here); /usr/bin/uwsgi_python3 stands in for the root-owned copy"
check "the stand-in is root's and not writable by others, as the note wants the copy to be" bash -c \
  '[ "$(stat -L -c "%U %a" /usr/bin/uwsgi_python3)" = "root 755" ]'

step "uwsgi.md: uWSGI on the command line as deploy (before the wsgi split)"
B=$(need_block uwsgi.md has='--module config.wsgi --env DJANGO_SETTINGS_MODULE=config.settings.deploy') || missing
CMD=$(adapt "$(cat "$B")")
say "run (root, in the background): $CMD"
start_bg uwsgi-cli "$LOGS/uwsgi-cli.log" env -i PATH=$SYS_PATH HOME=/root bash -c "cd / && $CMD"
if wait_for 30 curl -s -o /dev/null --max-time 2 http://127.0.0.1:8000/; then
  expect_http 203.0.113.10 / 8000 404 "Not Found"
  expect_http 203.0.113.10 /admin/login/ 8000 200 "csrfmiddlewaretoken"
else
  fail "uWSGI did not answer on 127.0.0.1:8000"
  tail -n 20 "$LOGS/uwsgi-cli.log" | indent
fi
stop_bg uwsgi-cli INT
say "stopped (SIGINT, as Ctrl+C)"

step "uwsgi.md: wsgi modules, debug settings, manage.py"
B=$(need_block uwsgi.md has='rm config/wsgi.py') || missing
subst "run in the local repository in the notes → run in /srv/mysite as ubuntu"
run_lines "$B" /srv/mysite || abort "wsgi split (uwsgi.md)"
for f in config/wsgi/debug.py config/wsgi/deploy.py config/settings/debug.py; do
  B=$(need_block uwsgi.md title="$f") || missing
  check "$f is uwsgi.md's block, byte for byte" put_file "$B" "/srv/mysite/$f" ubuntu
done
B=$(need_block uwsgi.md title='manage.py (main() 안에서 바꿀 줄)') || missing
NEW_LINE=$(grep 'DJANGO_SETTINGS_MODULE' "$B")
say "manage.py from startproject: $(grep DJANGO_SETTINGS_MODULE /srv/mysite/manage.py | sed 's/^ *//')"
say "uwsgi.md's line:             $NEW_LINE"
as_ubuntu /srv/mysite "sed -i 's|^\\( *\\)os.environ.setdefault(.DJANGO_SETTINGS_MODULE.*|\\1$NEW_LINE|' manage.py"
check "manage.py now has uwsgi.md's line" grep -qF "    $NEW_LINE" /srv/mysite/manage.py
B=$(need_block uwsgi.md title='config/settings/deploy.py (끝에 추가)' has='WSGI_APPLICATION') || missing
UWSGI_DEPLOY_WSGI=$B
say "appending to config/settings/deploy.py (as ubuntu): $(tr '\n' ' ' <"$B")"
as_ubuntu /srv/mysite "cat '$B' >> config/settings/deploy.py"
check "manage.py check with the default (debug) settings, as ubuntu" as_ubuntu /srv/mysite "python3 manage.py check"
check "config.wsgi.deploy loads with the deploy settings, as deploy" as_root \
  "cd /srv/mysite && sudo -u deploy /srv/mysite/.venv/bin/python -c 'import config.wsgi.deploy as w; from django.conf import settings; assert settings.SETTINGS_MODULE == \"config.settings.deploy\"; print(w.application)'"

step "uwsgi.md: conf/uwsgi/mysite.ini"
B=$(need_block uwsgi.md title='/srv/mysite/conf/uwsgi/mysite.ini') || missing
subst "the ini is in the repository in the notes → written to /srv/mysite/conf/uwsgi/ as ubuntu"
as_ubuntu /srv/mysite "mkdir -p conf/uwsgi"
check "conf/uwsgi/mysite.ini is uwsgi.md's block, byte for byte" put_file "$B" /srv/mysite/conf/uwsgi/mysite.ini ubuntu

step "uwsgi.md: the vassal copy and a run by hand as root"
record_created /etc/uwsgi/vassals/mysite.ini /run/uwsgi
B=$(need_block uwsgi.md has='--ini /etc/uwsgi/vassals/mysite.ini --http :8000') || missing
head -n -1 "$B" >"$STATE/manual-setup.txt"
run_lines "$STATE/manual-setup.txt" / || abort "vassal copy and /run/uwsgi (uwsgi.md)"
CMD=$(adapt "$(tail -n 1 "$B")")
say "run (root, in the background): $CMD"
start_bg uwsgi-manual "$LOGS/uwsgi-manual.log" env -i PATH=$SYS_PATH HOME=/root bash -c "cd / && $CMD"
if wait_for 30 test -S /run/uwsgi/mysite.sock && wait_for 30 curl -s -o /dev/null --max-time 2 http://127.0.0.1:8000/; then
  check "the log shows setgid() and setuid() (privileges dropped to deploy)" bash -c \
    "grep -q '^setgid() to $(id -g deploy)' '$LOGS/uwsgi-manual.log' && grep -q '^setuid() to $(id -u deploy)' '$LOGS/uwsgi-manual.log'"
  expect_http 203.0.113.10 /admin/login/ 8000 200 "csrfmiddlewaretoken"
else
  fail "uWSGI (by hand) did not make /run/uwsgi/mysite.sock or answer on 127.0.0.1:8000"
  tail -n 20 "$LOGS/uwsgi-manual.log" | indent
fi
stop_bg uwsgi-manual INT
say "stopped (SIGINT, as Ctrl+C)"
check "vacuum = true removed the socket when uWSGI stopped" bash -c '! test -e /run/uwsgi/mysite.sock'

step "uwsgi.md: vassal file placement"
B=$(need_block uwsgi.md has='install -m 644 /srv/mysite/conf/uwsgi/mysite.ini /etc/uwsgi/vassals/mysite.ini' lacks='--http') || missing
run_lines "$B" / || abort "vassal placement (uwsgi.md)"
check "/etc/uwsgi/vassals/mysite.ini is a regular file, not a link into the repository" \
  bash -c '[ -f /etc/uwsgi/vassals/mysite.ini ] && [ ! -L /etc/uwsgi/vassals/mysite.ini ]'
expect_owner_mode /etc/uwsgi/vassals/mysite.ini "root:root 644"
check "it has the repository file's content" cmp -s /etc/uwsgi/vassals/mysite.ini /srv/mysite/conf/uwsgi/mysite.ini
check "ubuntu cannot change it" bash -c '! runuser -u ubuntu -- bash -c ": >> /etc/uwsgi/vassals/mysite.ini" 2>/dev/null'

step "uwsgi.md: the Emperor, as the unit file starts it"
UNIT=$(need_block uwsgi.md title='/etc/systemd/system/uwsgi.service') || missing
unit_value() { sed -n "s/^$1=//p" "$UNIT"; }
RUNTIME_DIR=/run/$(unit_value RuntimeDirectory)
RUNTIME_MODE=$(unit_value RuntimeDirectoryMode)
PRE=$(unit_value ExecStartPre)
START=$(unit_value ExecStart)
say "unit: RuntimeDirectory=$(unit_value RuntimeDirectory) RuntimeDirectoryMode=$RUNTIME_MODE"
say "unit: ExecStartPre=$PRE"
say "unit: ExecStart=$START"
say "unit: KillSignal=$(unit_value KillSignal) Type=$(unit_value Type) Restart=$(unit_value Restart)"
subst "no systemd here: RuntimeDirectory= → rm -rf $RUNTIME_DIR && install -d -m $RUNTIME_MODE $RUNTIME_DIR (as root)"
as_root "rm -rf '$RUNTIME_DIR' && install -d -m $RUNTIME_MODE '$RUNTIME_DIR'"
subst "ExecStartPre= → run as root: $PRE"
as_root "$PRE" || fail "ExecStartPre"
expect_owner_mode "$RUNTIME_DIR" "deploy:www-data 750"
CMD=$(adapt "$START")
subst "ExecStart= → run as root in the background, its output to $LOGS/emperor.log instead of the journal; Type=notify and Restart=always are not emulated (nothing to notify, nothing restarts it)"
say "run (root, in the background): $CMD"
start_bg emperor "$LOGS/emperor.log" env -i PATH=$SYS_PATH HOME=/root bash -c "cd / && exec $CMD"
if wait_for 30 test -S /run/uwsgi/mysite.sock && wait_for 30 grep -q 'vassal mysite.ini is ready to accept requests' "$LOGS/emperor.log"; then
  pass "the Emperor spawned the vassal mysite.ini and it is ready (emperor.log)"
  grep '\[emperor\]' "$LOGS/emperor.log" | indent
else
  fail "the Emperor did not bring up mysite.ini"
  tail -n 30 "$LOGS/emperor.log" | indent
fi
check "/run/uwsgi/mysite.sock is a socket" test -S /run/uwsgi/mysite.sock
expect_owner_mode /run/uwsgi/mysite.sock "deploy:www-data 660"
EMPEROR_PID=$(cat "$STATE/emperor.pid")
check "the Emperor runs as root" [ "$(ps -o user= -p "$EMPEROR_PID" | tr -d ' ')" = root ]
check "the vassal's processes run as deploy" bash -c \
  "[ -n \"\$(pgrep -u deploy -f 'mysite[.]ini')\" ] && [ -z \"\$(pgrep -u root -f 'mysite[.]ini')\" ]"
check "www-data may connect to the socket" runuser -u www-data -- /usr/bin/python3 -c \
  'import socket; s = socket.socket(socket.AF_UNIX); s.connect("/run/uwsgi/mysite.sock")'
check "ubuntu may not (660, group www-data)" bash -c "! runuser -u ubuntu -- /usr/bin/python3 -c \
  'import socket; s = socket.socket(socket.AF_UNIX); s.connect(\"/run/uwsgi/mysite.sock\")' 2>/dev/null"

# ------------------------------------------------------------------------------------------------
step "nginx-wsgi.md: the final deploy.py"
B=$(need_block nginx-wsgi.md title='config/settings/deploy.py') || missing
say "every setting of ec2.md's deploy.py and of uwsgi.md's two additions must be in the final file unchanged, except ALLOWED_HOSTS"
check "nginx-wsgi.md's deploy.py keeps the earlier notes' settings" /usr/bin/python3 - "$EC2_DEPLOY" "$UWSGI_DEPLOY_DB" "$UWSGI_DEPLOY_WSGI" "$B" <<'PY'
import ast, sys
def settings(path):
    out = {}
    for node in ast.parse(open(path, encoding="utf-8").read()).body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                out[t.id] = ast.dump(node.value)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out[ast.dump(node)] = "import"
    return out
*earlier, final = sys.argv[1:]
final_s = settings(final)
bad = []
for path in earlier:
    for name, value in settings(path).items():
        if name != "ALLOWED_HOSTS" and final_s.get(name) != value:
            bad.append(name if value != "import" else "an import")
for b in bad:
    print("    | differs or missing in the final deploy.py:", b)
sys.exit(1 if bad else 0)
PY
check "config/settings/deploy.py is nginx-wsgi.md's block, byte for byte" put_file "$B" /srv/mysite/config/settings/deploy.py ubuntu

step "nginx-wsgi.md: static and media folders, collectstatic"
B=$(need_block nginx-wsgi.md has='collectstatic --noinput') || missing
run_lines "$B" / || fail "collectstatic"
expect_owner_mode /srv/mysite/static "deploy:deploy 755"
expect_owner_mode /srv/mysite/media "deploy:deploy 755"
check "collectstatic copied the admin's CSS to /srv/mysite/static" test -f /srv/mysite/static/admin/css/base.css
say "the settings changed: uwsgi.md says 'sudo touch /etc/uwsgi/vassals/mysite.ini' to reload the app"
as_root "touch /etc/uwsgi/vassals/mysite.ini"
check "the Emperor reloaded the vassal" wait_for 30 bash -c \
  "[ \$(grep -c 'vassal mysite.ini is ready to accept requests' '$LOGS/emperor.log') -ge 2 ]"

step "nginx-wsgi.md: the server block"
record_created /etc/nginx/sites-available/mysite /etc/nginx/sites-enabled/mysite
B=$(need_block nginx-wsgi.md title='/etc/nginx/sites-available/mysite') || missing
check "/etc/nginx/sites-available/mysite is nginx-wsgi.md's block, byte for byte" put_file "$B" /etc/nginx/sites-available/mysite root
PORT=80
if curl -s -o /dev/null --max-time 2 http://127.0.0.1:80/ && ! pgrep -x nginx >/dev/null; then
  abort "something other than nginx listens on 127.0.0.1:80; stop it or run this test on a machine where port 80 is free"
fi
B=$(need_block nginx-wsgi.md title='nginx 설치하고 설정 켜기') || missing
grep -v 'systemctl' "$B" >"$STATE/nginx-enable.txt"
run_lines "$STATE/nginx-enable.txt" / || abort "nginx -t rejected the configuration"
check "sites-enabled/mysite links to sites-available/mysite" \
  [ "$(readlink /etc/nginx/sites-enabled/mysite)" = /etc/nginx/sites-available/mysite ]
if pgrep -x nginx >/dev/null; then
  subst "sudo systemctl reload nginx → nginx -s reload (no systemd; nginx was already running)"
  nginx -s reload || fail "nginx -s reload"
  sleep 1
else
  subst "sudo systemctl reload nginx → nginx (no systemd here, so the package's service never started: start it)"
  nginx && NGINX_STARTED=1 || abort "nginx did not start"
fi
wait_for 10 curl -s -o /dev/null --max-time 2 http://127.0.0.1:$PORT/ || fail "nginx does not answer on 127.0.0.1:$PORT"

step "curl through nginx → /run/uwsgi/mysite.sock → uWSGI → Django"
expect_http example.com /admin/login/ $PORT 200 "csrfmiddlewaretoken"
expect_http www.example.com /admin/login/ $PORT 200 "csrfmiddlewaretoken"
expect_http example.com /orders/?page=2 $PORT 404 "The requested resource was not found on this server."
expect_http example.com /static/admin/css/base.css $PORT 200
check "the static file came from disk, byte for byte" cmp -s "$STATE/body" /srv/mysite/static/admin/css/base.css
check "static files are served as text/css" bash -c \
  "curl -s -o /dev/null -w '%{content_type}' -H 'Host: example.com' http://127.0.0.1:$PORT/static/admin/css/base.css | grep -q '^text/css'"
check "the static file did not go through Django (no request for it in the uWSGI log)" bash -c \
  "! grep -q 'GET /static/admin/css/base.css' '$LOGS/emperor.log'"
expect_http 203.0.113.10 / $PORT 200 "Welcome to nginx"
say "(an IP not in server_name reaches the package's default site, as nginx-wsgi.md says)"
skip "/media/: nothing has been uploaded, so there is no file to fetch (the folder and its alias are checked by nginx -t and above)"

step "Stop: nginx, then the Emperor (systemctl stop uwsgi)"
if [ "$NGINX_STARTED" = 1 ]; then
  say "run (root): nginx -s quit"
  nginx -s quit
  check "nginx stopped" wait_for 15 bash -c '! pgrep -x nginx >/dev/null'
  NGINX_STARTED=0
fi
subst "systemctl stop uwsgi sends KillSignal=SIGQUIT to every process of the unit's cgroup → SIGQUIT to the Emperor only: a vassal with die-on-term = true takes SIGQUIT as 'reload', so the cgroup-wide signal makes the stop wait about 30 s for uWSGI's reload mercy; the Emperor alone stops its vassals at once"
say "run (root): kill -QUIT $(cat "$STATE/emperor.pid")"
kill -QUIT "$(cat "$STATE/emperor.pid")"
check "the Emperor and its vassal stopped" wait_for 20 bash -c "! kill -0 $(cat "$STATE/emperor.pid") 2>/dev/null && ! pgrep -u deploy -f 'mysite[.]ini' >/dev/null"
rm -f "$STATE/emperor.pid"
if [ -e /run/uwsgi/mysite.sock ]; then
  say "the socket file is still there: $(grep -m1 'VACUUM' "$LOGS/emperor.log" || echo 'no VACUUM line in the log')"
  say "(uWSGI skips vacuum for a socket it inherited across the touch reload; vacuum itself was checked in the run by hand)"
fi
check "nothing answers on /run/uwsgi/mysite.sock any more" bash -c "! /usr/bin/python3 -c \
  'import socket; s = socket.socket(socket.AF_UNIX); s.connect(\"/run/uwsgi/mysite.sock\")' 2>/dev/null"
grep '\[emperor\]' "$LOGS/emperor.log" | tail -n 2 | indent
subst "RuntimeDirectory= removes /run/uwsgi when the unit stops → rm -rf /run/uwsgi (in the cleanup)"
exit 0
