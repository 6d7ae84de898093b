# sid-apt.sh - sourced by tools/fetch-mainline and tools/fetch-sparse: apt
# over Debian sid without adding sid to this machine's sources.  The source
# list (deb and deb-src), the package lists and the download cache live in a
# private directory; the archive's signature is checked with the installed
# keyring as for any other source.
#   sid_apt_init DIR    set up DIR and run 'apt-get update' there
#   sid_apt CMD ARG...  run an apt command (apt-get, apt-cache) with them

sid_apt() {
	"$@" -q -o Dir::Etc::SourceList="$SID_APT_DIR/sid.sources" \
		-o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists="$SID_APT_DIR/lists" \
		-o Dir::Cache="$SID_APT_DIR/cache" -o Acquire::Languages=none \
		${SID_APT_USER:+-o APT::Sandbox::User=$SID_APT_USER}
}

sid_apt_init() {
	SID_APT_DIR=$1
	mkdir -p "$SID_APT_DIR/lists/partial" "$SID_APT_DIR/cache/archives/partial"
	printf '%s\n' "Types: deb deb-src" "URIs: http://deb.debian.org/debian" "Suites: sid" \
		"Components: main" "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" \
		>"$SID_APT_DIR/sid.sources"
	# As root apt downloads as _apt, which cannot enter a private mktemp dir.
	SID_APT_USER=
	[ "$(id -u)" -ne 0 ] || SID_APT_USER=root
	sid_apt apt-get update >"$SID_APT_DIR/update.log" 2>&1 || {
		cat "$SID_APT_DIR/update.log" >&2
		echo "sid-apt: apt-get update of Debian sid failed" >&2
		return 2
	}
}
