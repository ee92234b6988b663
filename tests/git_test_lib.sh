# Sourced by the tests that script a git history (migrate_git.sh, log_git.sh): a throwaway HOME and
# git identity, `check`, `commit_at`; skips (exit 77) without git. Sets innov (absolute) and work.
# Usage: . git_test_lib.sh NAME INNOV_BINARY
test_name=$1
innov=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GNUPGHOME=$work/.gnupg
export GIT_AUTHOR_NAME=innov GIT_AUTHOR_EMAIL=innov@example.org
export GIT_COMMITTER_NAME=innov GIT_COMMITTER_EMAIL=innov@example.org
export INNOV_USER=agent-1
if ! command -v git >/dev/null; then
  echo "$test_name: SKIPPED: git is not installed"
  exit 77
fi
fail=0
check() { # message command...
  local message=$1
  shift
  if "$@"; then
    echo "ok: $message"
  else
    echo "$test_name: FAILED: $message"
    fail=1
  fi
}
commit_at() { # DATE MESSAGE [git commit options]: commits everything, on DATE at noon UTC
  local date=$1 message=$2
  shift 2
  git add -A && GIT_AUTHOR_DATE="${date}T12:00:00Z" GIT_COMMITTER_DATE="${date}T12:00:00Z" \
    git commit -q "$@" -m "$message"
}
