#!/usr/bin/env bash
# make-demo.sh: builds Earmark's demo study content from the dialogue scripts.
#
# Run from anywhere (needs espeak-ng, sox with soxi, awk, sort, sha256sum):
#     src/demo/make-demo.sh
# Debian/Ubuntu:  apt-get install -y espeak-ng sox
# KEEP_TMP=1 src/demo/make-demo.sh keeps the rendered turns and pauses in /tmp/earmark-demo.*.
#
# Reads   src/demo/dialogue-1.txt … dialogue-3.txt   (format below)
# Writes  src/main/resources/org/earmark/demo/
#           session-N.wav      16 kHz mono 16-bit PCM WAV, one per dialogue
#           ground-truth.csv   file,code,start_s,end_s,note — the script's own codes: every
#                              supervisor question as a point at the end of its speech, and
#                              each case discussion as a span (first word to last word)
#           second-coder.csv   the same columns: a plausible second coder, derived from the
#                              ground truth with a fixed seed (see SECOND CODER below)
#           ratings.csv        file,coder,outcome_focus — the second coder's global rating
#           allocation.csv     file,arm,team — invented trial arms and teams
# Every output is rewritten on each run; the same inputs give the same bytes (only a
# different espeak-ng or sox version can change the audio, and with it the times).
#
# Dialogue format: one turn per line; blank lines and lines starting with # are ignored.
#   S: text          supervisor, nothing to code (a statement or a rhetorical remark)
#   S|CODE: text     supervisor question with its code (OFQ RISK TASK REFL OTHQ)
#   W: text          social worker (supervisee); never coded
#   +S|CODE: text    the same speaker goes on in the same turn after a short breath
#   [CASE-START] label   a case discussion starts with the next turn (label becomes the note)
#   [CASE-END]       the case discussion ends with the previous turn
#
# Times are counted in samples and written in seconds to the millisecond, so every time in
# the CSVs is the exact boundary of the rendered speech in the WAV (each turn is trimmed of
# espeak-ng's leading and trailing silence before the pauses are inserted).
set -euo pipefail
export LC_ALL=C

die() { echo "make-demo.sh: $*" >&2; exit 1; }
need() {
    command -v "$1" >/dev/null 2>&1 \
        || die "'$1' is not installed or not on PATH; install it (Debian/Ubuntu: apt-get install -y $2)"
}
need espeak-ng espeak-ng
need sox sox
need soxi sox
need awk mawk
need sort coreutils
need sha256sum coreutils

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/src/main/resources/org/earmark/demo"

# ---- settings -------------------------------------------------------------------------
SUPERVISOR_VOICE="en-gb+f3"   # British English, female variant 3
WORKER_VOICE="en-us+m3"       # American English, male variant 3
SPEED=160                     # words per minute
RATE=16000                    # output sample rate (Hz)
LEAD_MS=500                   # silence before the first turn
TAIL_MS=1000                  # silence after the last turn
BREATH_MS=250                 # pause inside a turn (a "+" line)
PAUSE_MIN_MS=400              # pause between turns: MIN..MAX, drawn from the seeded generator
PAUSE_MAX_MS=800
SEED=20250607                 # one seed for the pauses and the second coder
SECOND_CODER="coder-b"
SESSIONS=(1 2 3)
QUESTION_CODES=" OFQ RISK TASK REFL OTHQ "

# allocation: session -> arm, team (invented; clusters are teams, so a team has one arm)
declare -A ARM=([1]="intervention" [2]="usual care" [3]="intervention")
declare -A TEAM=([1]="Team Heron" [2]="Team Kestrel" [3]="Team Heron")

# SECOND CODER: what coder-b does differently from the ground truth. Each line is
# "session action args"; where an action has several candidates, the seeded generator picks one.
#   recode FROM TO   one FROM question is coded TO
#   miss CODE        one CODE question is not tagged
#   miss-cont CODE   the second question of a two-question turn (a "+" line) is not tagged
#   extra-rhetorical CODE   a rhetorical supervisor remark (untagged, ends in "?") is tagged CODE
# Every point event coder-b keeps is shifted by 0.3–1.2 s (later 3 times in 4: reaction time);
# each end of a case span by 1.5–4.0 s either way.
SECOND_CODER_PLAN=(
    "1 recode REFL OTHQ"           # a feelings question heard as a clarifying one
    "3 recode TASK RISK"           # a process question about a missing episode heard as safety
    "2 miss-cont TASK"             # the second question of a double question slips past
    "3 miss OTHQ"                  # a quick clarifying or social question is missed
    "2 extra-rhetorical OTHQ"      # "Isn't it always the way?" coded as a question
)
# coder-b's global rating follows their own share of OFQ among supervisor questions:
#   outcome_focus = 5 if share >= 45%, 4 if >= 35%, 3 if >= 20%, 2 if > 0, else 1

# ---- checks ------------------------------------------------------------------------------
for v in "$SUPERVISOR_VOICE" "$WORKER_VOICE"; do
    espeak-ng -v "$v" -q "check" 2>/dev/null || die "espeak-ng has no voice '$v' (see: espeak-ng --voices=en)"
done
for n in "${SESSIONS[@]}"; do
    [[ -f "$here/dialogue-$n.txt" ]] || die "missing dialogue script $here/dialogue-$n.txt"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/earmark-demo.XXXXXX")
[[ -n ${KEEP_TMP:-} ]] || trap 'rm -rf "$tmp"' EXIT

# Park–Miller minimal standard generator in 64-bit shell arithmetic: same numbers everywhere.
rng=$SEED
next_random() { rng=$(( rng * 16807 % 2147483647 )); }

ms_of_samples() { echo $(( ($1 * 1000 + RATE / 2) / RATE )); }
seconds() { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }
csv_text() { [[ -z $1 ]] && return 0; local t=${1//\"/\"\"}; printf '"%s"' "$t"; }
samples_of() { soxi -s "$1"; }

# events.tsv: file  kind  code  start_ms  end_ms  cont  text
#   kind Q (supervisor question; start=end=end of speech), S (untagged supervisor turn), C (case)
events="$tmp/events.tsv"
: > "$events"
declare -A DURATION_MS

silence() {      # silence <samples> <name>: appends a silent part to parts (uses work, pos)
    local f="$work/gap-$2.wav"
    sox -R -r "$RATE" -c 1 -b 16 -n "$f" trim 0s "$1s"
    parts+=("$f"); pos=$(( pos + $1 ))
}

# ---- render --------------------------------------------------------------------------------
for n in "${SESSIONS[@]}"; do
    script="$here/dialogue-$n.txt"
    file="session-$n.wav"
    work="$tmp/s$n"
    mkdir -p "$work"

    # Parse and validate into: kind TAB cont TAB speaker TAB code TAB text (kind TURN/START/END).
    awk -v src="$script" -v codes="$QUESTION_CODES" '
        function fail(msg) { printf "make-demo.sh: %s line %d: %s\n", src, NR, msg > "/dev/stderr"; bad = 1; exit 1 }
        { sub(/\r$/, "") }
        /^[ \t]*(#|$)/ { next }
        /^\[CASE-START\]/ {
            if (open) fail("[CASE-START] inside an open case")
            label = $0; sub(/^\[CASE-START\][ \t]*/, "", label)
            open = 1; pending = 1; printf "START\t0\t-\t-\t%s\n", label; next
        }
        /^\[CASE-END\]/ {
            if (!open) fail("[CASE-END] without [CASE-START]")
            if (pending) fail("empty case")
            open = 0; printf "END\t0\t-\t-\t-\n"; next
        }
        {
            line = $0; cont = 0
            if (substr(line, 1, 1) == "+") { cont = 1; line = substr(line, 2) }
            colon = index(line, ":")
            if (colon == 0) fail("expected \"S: text\", \"S|CODE: text\", \"W: text\" or a [CASE-...] marker")
            head = substr(line, 1, colon - 1); text = substr(line, colon + 1)
            sub(/^[ \t]+/, "", text); sub(/[ \t]+$/, "", text)
            split(head, part, "|"); speaker = part[1]; code = (head ~ /\|/) ? part[2] : "-"
            if (speaker != "S" && speaker != "W") fail("speaker must be S or W, was \"" speaker "\"")
            if (speaker == "W" && code != "-") fail("only supervisor turns are coded")
            if (code != "-" && index(codes, " " code " ") == 0) fail("unknown code \"" code "\"")
            if (text == "") fail("empty turn")
            if (text ~ /\t/) fail("tab in text")
            if (cont && speaker != last) fail("a \"+\" line must continue the same speaker")
            last = speaker; pending = 0; turns++
            printf "TURN\t%d\t%s\t%s\t%s\n", cont, speaker, code, text
        }
        END { if (bad) exit 1; if (open) fail("[CASE-START] never closed"); if (!turns) fail("no turns") }
    ' "$script" > "$work/turns.tsv" || die "cannot parse $script"

    parts=()
    pos=0            # samples written so far
    count=0
    last_end=0
    case_start=""; case_label=""
    while IFS=$'\t' read -r kind cont speaker code text; do
        case "$kind" in
            START) case_start="pending"; case_label="$text"; continue ;;
            END)
                printf '%s\tC\tCASE\t%s\t%s\t0\t%s\n' "$file" "$case_start" "$(ms_of_samples "$last_end")" \
                    "$case_label" >> "$events"
                case_start=""; continue ;;
        esac
        count=$(( count + 1 ))
        if (( count == 1 )); then gap=$(( LEAD_MS * RATE / 1000 ))
        elif (( cont == 1 )); then gap=$(( BREATH_MS * RATE / 1000 ))
        else
            next_random
            gap=$(( (PAUSE_MIN_MS + rng % (PAUSE_MAX_MS - PAUSE_MIN_MS + 1)) * RATE / 1000 ))
        fi
        silence "$gap" "$count"

        voice=$WORKER_VOICE; [[ $speaker == S ]] && voice=$SUPERVISOR_VOICE
        raw="$work/raw-$count.wav"; turn="$work/turn-$count.wav"
        espeak-ng -v "$voice" -s "$SPEED" -w "$raw" -- "$text" || die "espeak-ng failed on: $text"
        # 16 kHz mono 16-bit, no dither (-D), repeatable (-R); trim leading and trailing silence;
        # 3 dB of headroom so resampling never clips (-V1 turns any warning into silence: none expected).
        sox -R -D -V1 "$raw" -r "$RATE" -c 1 -b 16 "$turn" \
            silence 1 0.02 0.1% reverse silence 1 0.02 0.1% reverse gain -3 rate -h "$RATE" \
            || die "sox failed on turn $count of $script"
        len=$(samples_of "$turn")
        (( len > 0 )) || die "turn $count of $script rendered as silence"
        start=$pos
        parts+=("$turn"); pos=$(( pos + len ))
        last_end=$pos
        [[ $case_start == pending ]] && case_start=$(ms_of_samples "$start")
        printf '%d\t%d\t%s\t%s\t%s\n' "$start" "$pos" "$speaker" "$code" "$text" >> "$work/boundaries.tsv"

        if [[ $speaker == S ]]; then
            end_ms=$(ms_of_samples "$pos")
            if [[ $code != - ]]; then
                printf '%s\tQ\t%s\t%s\t%s\t%s\t%s\n' "$file" "$code" "$end_ms" "$end_ms" "$cont" "$text" >> "$events"
            else
                printf '%s\tS\t-\t%s\t%s\t%s\t%s\n' "$file" "$end_ms" "$end_ms" "$cont" "$text" >> "$events"
            fi
        fi
    done < "$work/turns.tsv"
    silence $(( TAIL_MS * RATE / 1000 )) tail

    # join, then bring the loudest peak to -1 dBFS (a gain change: no sample is added or lost)
    sox -R -D "${parts[@]}" "$work/$file" gain -n -1 || die "sox could not join the turns of $script"
    total=$(samples_of "$work/$file")
    (( total == pos )) || die "$file has $total samples but its turns and pauses add up to $pos"
    DURATION_MS[$file]=$(ms_of_samples "$total")
    cp "$work/boundaries.tsv" "$tmp/boundaries-$n.tsv"
done

# ---- ground truth ---------------------------------------------------------------------------
header="file,code,start_s,end_s,note"
row() {  # row file code start_ms end_ms(or "") note -> "sortkey TAB csv"
    local end=""; [[ -n $4 ]] && end=$(seconds "$4")
    printf '%s\t%09d\t%s,%s,%s,%s,%s\n' "$1" "$3" "$1" "$2" "$(seconds "$3")" "$end" "$(csv_text "$5")"
}
sorted() { sort -s -t $'\t' -k1,1 -k2,2n | cut -f3; }

{
    echo "$header"
    while IFS=$'\t' read -r file kind code start end cont text; do
        case "$kind" in
            Q) row "$file" "$code" "$start" "" "$text" ;;
            C) row "$file" CASE "$start" "$end" "$text" ;;
        esac
    done < "$events" | sorted
} > "$tmp/ground-truth.csv"

# ---- second coder ---------------------------------------------------------------------------
# Decide, for each plan line, which event it hits (by line number in events.tsv). The helpers
# set a variable instead of printing, so the generator's state is never lost in a subshell.
declare -A RECODE MISS EXTRA
pick() {  # pick <awk condition on $1..$7>: PICKED = one matching events.tsv line number, seeded
    local candidates
    mapfile -t candidates < <(awk -F '\t' "$1 { print NR }" "$events")
    (( ${#candidates[@]} > 0 )) || die "second-coder plan: nothing matches ($1)"
    next_random
    PICKED=${candidates[rng % ${#candidates[@]}]}
}
for step in "${SECOND_CODER_PLAN[@]}"; do
    read -r n action a b <<< "$step"
    f="session-$n.wav"
    case "$action" in
        recode) pick "\$1==\"$f\" && \$2==\"Q\" && \$3==\"$a\""; RECODE[$PICKED]=$b ;;
        miss) pick "\$1==\"$f\" && \$2==\"Q\" && \$3==\"$a\""; MISS[$PICKED]=1 ;;
        miss-cont) pick "\$1==\"$f\" && \$2==\"Q\" && \$3==\"$a\" && \$6==1"; MISS[$PICKED]=1 ;;
        extra-rhetorical) pick "\$1==\"$f\" && \$2==\"S\" && \$7 ~ /\\?\$/"; EXTRA[$PICKED]=$a ;;
        *) die "second-coder plan: unknown action '$action'" ;;
    esac
done

jitter() {  # jitter ms file min_ms max_ms later_in_4: JITTERED = ms moved by min..max ms,
            # later with odds later_in_4 out of 4, clamped to the file
    next_random; local mag=$(( $3 + rng % ($4 - $3 + 1) ))
    next_random; local sign=-1; (( rng % 4 < $5 )) && sign=1
    JITTERED=$(( $1 + sign * mag ))
    (( JITTERED < 0 )) && JITTERED=0
    (( JITTERED > DURATION_MS[$2] )) && JITTERED=${DURATION_MS[$2]}
    return 0
}

line=0
while IFS=$'\t' read -r file kind code start end cont text; do
    line=$(( line + 1 ))
    case "$kind" in
        Q)
            [[ -n ${MISS[$line]:-} ]] && continue
            code=${RECODE[$line]:-$code}
            jitter "$start" "$file" 300 1200 3
            row "$file" "$code" "$JITTERED" "" "" ;;
        S)
            [[ -z ${EXTRA[$line]:-} ]] && continue
            jitter "$start" "$file" 300 1200 3
            row "$file" "${EXTRA[$line]}" "$JITTERED" "" "not sure this is a real question" ;;
        C)
            jitter "$start" "$file" 1500 4000 2; s=$JITTERED
            jitter "$end" "$file" 1500 4000 2; e=$JITTERED
            (( e > s )) || die "second coder's CASE span in $file collapsed"
            row "$file" CASE "$s" "$e" "" ;;
    esac
done < "$events" > "$tmp/second-coder.unsorted"
{ echo "$header"; sorted < "$tmp/second-coder.unsorted"; } > "$tmp/second-coder.csv"

# ---- ratings and allocation -------------------------------------------------------------------
{
    echo "file,coder,outcome_focus"
    for n in "${SESSIONS[@]}"; do
        f="session-$n.wav"
        q=$(awk -F, -v f="$f" '$1==f && $2!="CASE" { c++ } END { print c+0 }' "$tmp/second-coder.csv")
        o=$(awk -F, -v f="$f" '$1==f && $2=="OFQ" { c++ } END { print c+0 }' "$tmp/second-coder.csv")
        (( q > 0 )) || die "second coder has no questions in $f"
        pct=$(( 100 * o / q ))
        if (( pct >= 45 )); then r=5; elif (( pct >= 35 )); then r=4; elif (( pct >= 20 )); then r=3
        elif (( o > 0 )); then r=2; else r=1; fi
        echo "$f,$SECOND_CODER,$r"
    done
} > "$tmp/ratings.csv"

{
    echo "file,arm,team"
    for n in "${SESSIONS[@]}"; do echo "session-$n.wav,${ARM[$n]},${TEAM[$n]}"; done
} > "$tmp/allocation.csv"

# ---- self-checks ------------------------------------------------------------------------------
for n in "${SESSIONS[@]}"; do
    f="session-$n.wav"
    # turn boundaries are cumulative: each turn starts where the previous one ended plus its pause
    awk -F '\t' -v f="$f" -v rate="$RATE" -v lead="$LEAD_MS" '
        NR == 1 && $1 != lead * rate / 1000 { print f ": first turn does not start after the lead-in"; exit 1 }
        $2 <= $1 || (NR > 1 && $1 < prev) { print f ": turn " NR " overlaps the previous one"; exit 1 }
        { prev = $2 }' "$tmp/boundaries-$n.tsv" >&2 || die "turn boundaries are inconsistent"
done
for csv in ground-truth second-coder; do
    while IFS= read -r bad; do die "$csv.csv: $bad"; done < <(
        tail -n +2 "$tmp/$csv.csv" | awk -F, -v durations="$(for f in "${!DURATION_MS[@]}"; do
            printf '%s=%s ' "$f" "${DURATION_MS[$f]}"; done)" '
            BEGIN { n = split(durations, d, " "); for (i = 1; i <= n; i++) { split(d[i], kv, "="); max[kv[1]] = kv[2] / 1000 } }
            !($1 in max) { print "unknown file " $1; next }
            $3 < 0 || $3 > max[$1] || ($4 != "" && ($4 > max[$1] || $4 < $3)) { print "time outside " $1 ": " $0 }')
done

# ---- install ---------------------------------------------------------------------------------
mkdir -p "$out"
for n in "${SESSIONS[@]}"; do cp "$tmp/s$n/session-$n.wav" "$out/session-$n.wav"; done
for csv in ground-truth second-coder ratings allocation; do cp "$tmp/$csv.csv" "$out/$csv.csv"; done

total_ms=0
for n in "${SESSIONS[@]}"; do
    f="session-$n.wav"; total_ms=$(( total_ms + DURATION_MS[$f] ))
    printf '%s  %ss  %s bytes\n' "$f" "$(seconds "${DURATION_MS[$f]}")" "$(stat -c %s "$out/$f")"
done
printf 'total  %ss  %s bytes\n' "$(seconds "$total_ms")" "$(cat "$out"/session-*.wav | wc -c)"
(cd "$out" && sha256sum session-*.wav ./*.csv)
