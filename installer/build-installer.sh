#!/usr/bin/env bash
# Builds Earmark's native installer for the platform it runs on, from one configuration.
#
#   installer/build-installer.sh            # the platform's usual type: deb on Debian/Ubuntu,
#                                           # rpm on Fedora/RHEL, msi on Windows, dmg on macOS
#   installer/build-installer.sh app-image  # or name a type: deb, rpm, app-image, msi, exe, dmg, pkg
#
# Needs JDK 17+ (jpackage, jlink, jdeps) and Maven. deb needs fakeroot and dpkg-dev; rpm needs
# rpm-build; msi needs the WiX toolset on PATH; dmg/pkg need macOS (Xcode command line tools).
# The jar carries JavaFX for the platform it is built on, so build each installer on its own
# platform. Output: target/installer/.
set -euo pipefail
cd "$(dirname "$0")/.."

os="$(uname -s)"
case "$os" in
  Linux*)  default_type=$(command -v rpm >/dev/null 2>&1 && ! command -v dpkg >/dev/null 2>&1 && echo rpm || echo deb) ;;
  Darwin*) default_type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) default_type=msi ;;
  *) echo "build-installer: unknown platform $os" >&2; exit 2 ;;
esac
type="${1:-$default_type}"

for tool in java jlink jpackage jdeps mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build-installer: $tool is not on PATH (install a JDK 17+ and Maven)" >&2; exit 2; }
done
if [ "$type" = deb ]; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 || { echo "build-installer: $tool is missing (apt-get install fakeroot dpkg-dev)" >&2; exit 2; }
  done
fi

mvn -B -q -DskipTests package
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)

work=target/installer-work
rm -rf "$work" target/installer
mkdir -p "$work/input" target/installer
cp target/earmark.jar "$work/input/"

# A runtime with only the modules Earmark uses (jdeps finds them; the rest are needed by JavaFX,
# SQLite and the ELAN reader through reflection or service loading).
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/earmark.jar)
modules="$modules,java.logging,java.naming,java.xml,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
      --output "$work/runtime"

common=(--name Earmark --app-version "$version" --vendor "Earmark developers"
        --description "Blind coding of audio-recorded sessions"
        --copyright "Apache License 2.0" --license-file LICENSE
        --input "$work/input" --main-jar earmark.jar --main-class org.earmark.Launcher
        --runtime-image "$work/runtime" --java-options "-Xmx2g"
        --file-associations installer/associations/coder-file.properties
        --file-associations installer/associations/package.properties
        --dest target/installer)

case "$type" in
  deb|rpm|app-image)
    extra=(--icon installer/icons/earmark.png)
    if [ "$type" != app-image ]; then
      extra+=(--linux-package-name earmark --linux-shortcut --linux-menu-group "Education;Science;"
              --linux-app-category science --resource-dir installer/linux)
      # What the media stack needs and jpackage does not find by itself (GTK for the windows,
      # ALSA for sound, libavcodec/libavformat to play MP3 and M4A).
      if [ "$type" = deb ]; then
        extra+=(--linux-package-deps "libgtk-3-0, libasound2, libavcodec59 | libavcodec60 | libavcodec61, libavformat59 | libavformat60 | libavformat61")
      else
        extra+=(--linux-package-deps "gtk3, alsa-lib, ffmpeg-libs")
      fi
    fi
    ;;
  msi|exe)
    extra=(--icon installer/icons/earmark.ico --win-menu --win-menu-group Earmark --win-shortcut --win-dir-chooser
           --win-upgrade-uuid 5f0c7a3e-8d1b-4c61-9a0e-6b2f3d4e5a71)
    ;;
  dmg|pkg)
    icns="$work/earmark.icns"
    mkdir -p "$work/earmark.iconset"
    for size in 16 32 64 128 256; do
      sips -z "$size" "$size" installer/icons/earmark.png --out "$work/earmark.iconset/icon_${size}x${size}.png" >/dev/null
    done
    iconutil -c icns "$work/earmark.iconset" -o "$icns"
    extra=(--icon "$icns" --mac-package-name Earmark)
    ;;
  *) echo "build-installer: unknown type '$type' (deb, rpm, app-image, msi, exe, dmg, pkg)" >&2; exit 2 ;;
esac

jpackage --type "$type" "${common[@]}" "${extra[@]}"
ls -l target/installer
