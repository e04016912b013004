#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of every list filter and sort, every statistics query and the
# partnership lists and summary, as the service issues them (issue 12, bench/explain.md).
# Usage: bench/explain.sh [DB]        (default a4p_bench: a database the app migrated, with
#        bench/data/cases.sql and bench/data/partnerships.sql loaded)
# EXPLAIN_PLANS=custom (default) plans each statement for its values, like the first executions of
# a prepared statement; EXPLAIN_PLANS=generic plans it once for any values, as PostgreSQL may do
# from the sixth execution on (pgjdbc prepares a statement on the server from its fifth).
# EXPLAIN_ONLY=REGEX runs only the queries whose name matches. PGHOST/PGPORT/PGUSER as for psql
# (default postgres@127.0.0.1:5432).
# Each statement is PREPAREd with the parameters the service binds ($1, $2, ...), executed once to
# warm the cache, then explained. Prints Markdown: one trimmed plan per query, then a table of
# execution times and whether the case table was read by a sequential scan.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-a4p_bench}
plans=${EXPLAIN_PLANS:-custom}
only=${EXPLAIN_ONLY:-.}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
today=${EXPLAIN_TODAY:-$(date -u +%F)}
target=$(sed -n 's/^a4p.sea-investigation-target-days=//p' src/main/resources/application.properties)
sql() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }

# The partnership with the most commitments, and a cursor position 90 % down the case list.
partnership=$(sql "SELECT partnership_id FROM partnership_commitment GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
deep=$(sql "SELECT reported_on || ',' || id FROM accountability_case ORDER BY reported_on DESC, id
            OFFSET (SELECT count(*) * 9 / 10 FROM accountability_case) LIMIT 1")
deep_date=${deep%,*} deep_id=${deep#*,}
summary=()

# A plan trimmed to its nodes, their conditions and what they removed, sorts that spilled, the
# first Buffers line, JIT time and the execution time.
trim() {
    awk '/^Planning|Heap Blocks|Worker|Workers|Group Key|Batches|Cache Key|Cache Mode|Hits:|Presorted|Groups:|Options:|Functions:|Recheck Cond|Rows Removed by Index/ {next}
         /Buffers:/ { if (buffers++) next } {print}' | sed -E 's/ \(cost=[^)]*\)//'
}

# explain NAME 'ARG, ARG, ...' SQL: the plan of SQL with $1.. bound to the arguments (SQL literals).
explain() {
    local name=$1 args=$2 statement=$3 out ms seq
    [[ $name =~ $only ]] || return 0
    local call="q${args:+($args)}"
    out=$(psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" <<SQL
SET plan_cache_mode = force_${plans}_plan;
PREPARE q AS $statement;
\o /dev/null
EXECUTE $call;
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE $call;
SQL
    )
    ms=$(awk '/^Execution Time/ {print $3}' <<<"$out")
    seq=$(grep -q 'Seq Scan on accountability_case' <<<"$out" && echo "**yes**" || echo "no")
    summary+=("| $name | $ms | $seq |")
    echo "### $name"
    echo
    echo "\`($args)\`"
    echo
    echo '```'
    trim <<<"$out"
    echo '```'
    echo
}

# ---------------------------------------------------------------- accountability case list
# CaseRepository.page: every filter is optional; newest report first, then id; limit 50 + 1.
overdue_of="accountability_case_overdue(c.category, c.investigations, \$1, \$2)"
list() {
    local name=$1 args=$2 where=$3
    explain "cases: $name" "DATE '$today', $target${args:+, $args}" \
        "SELECT c.*, $overdue_of FROM accountability_case c${where:+ WHERE $where}
          ORDER BY c.reported_on DESC, c.id FETCH FIRST 51 ROWS ONLY"
}
keyset="c.reported_on <= \$3 AND (c.reported_on < \$3 OR c.id > \$4)"
list "no filter" "" ""
list "kind=misconduct" "'misconduct'" "c.kind = \$3"
list "kind=crime_against_peacekeepers" "'crime_against_peacekeepers'" "c.kind = \$3"
list "mission=MINUSCA" "'MINUSCA'" "c.mission_acronym = \$3"
list "status=reported" "'reported'" "c.status = \$3"
list "status=dormant (none)" "'dormant'" "c.status = \$3"
list "category=sea" "'sea'" "c.category = \$3"
list "category=other_misconduct" "'other_misconduct'" "c.category = \$3"
list "reported_from=2020-01-01" "DATE '2020-01-01'" "c.reported_on >= \$3"
list "reported_to=2016-06-30" "DATE '2016-06-30'" "c.reported_on <= \$3"
list "reported 2019-03-01..2019-03-31" "DATE '2019-03-01', DATE '2019-03-31'" "c.reported_on >= \$3 AND c.reported_on <= \$4"
list "overdue=true" "" "$overdue_of = true"
list "overdue=false" "" "$overdue_of = false"
list "reference=minusca-2021" "'%minusca-2021%'" "lower(c.reference) LIKE \$3 ESCAPE ''"
list "reference=b0123456 (one case)" "'%b0123456%'" "lower(c.reference) LIKE \$3 ESCAPE ''"
list "scope: 3 missions (IN list of 4, padded)" "'MINUSCA', 'MONUSCO', 'UNMISS', 'UNMISS'" \
    "c.mission_acronym IN (\$3, \$4, \$5, \$6)"
list "scope: 1 mission" "'UNTSO'" "c.mission_acronym IN (\$3)"
list "keyset page at 90 % depth" "DATE '$deep_date', '$deep_id'" "$keyset"
list "keyset at 90 % depth, mission=MINUSCA" "DATE '$deep_date', '$deep_id', 'MINUSCA'" \
    "c.mission_acronym = \$5 AND $keyset"
list "keyset at 90 % depth, overdue=true" "DATE '$deep_date', '$deep_id'" "$overdue_of = true AND $keyset"
list "mission=MINUSCA, kind=misconduct (bench/run.sh)" "'MINUSCA', 'misconduct'" \
    "c.mission_acronym = \$3 AND c.kind = \$4"
list "mission=MINUSCA, status=reported, category=sea" "'MINUSCA', 'reported', 'sea'" \
    "c.mission_acronym = \$3 AND c.status = \$4 AND c.category = \$5"
list "mission=MINUSCA, category=sea, overdue=true" "'MINUSCA', 'sea'" \
    "c.mission_acronym = \$3 AND c.category = \$4 AND $overdue_of = true"
list "scope 3 missions, kind=crime, reported 2018" \
    "'MINUSCA', 'MONUSCO', 'UNMISS', 'UNMISS', 'crime_against_peacekeepers', DATE '2018-01-01', DATE '2018-12-31'" \
    "c.mission_acronym IN (\$3, \$4, \$5, \$6) AND c.kind = \$7 AND c.reported_on >= \$8 AND c.reported_on <= \$9"

# ---------------------------------------------------------------- case statistics
# CaseStatisticsQueries.run: the rows of the kept tables (V12) for whole report years, UNION ALL
# the cases of the years a date filter cuts, grouped by the dimensions asked.
kept_dims="c.mission_acronym, c.year, c.kind, c.category, c.personnel_category, c.status"
case_dims="c.mission_acronym, CAST(extract(year FROM c.reported_on) AS integer) AS year, c.kind, c.category,
    c.personnel_category, c.status"
cases_kept="case_statistics c"
cases_kept_measures="c.cases, c.victims, c.women, c.girls, c.men, c.boys, c.age_unknown, c.killed, c.injured,
    c.identified, c.arrested, c.charged, c.tried, c.convicted, c.acquitted"
cases_cases="accountability_case c CROSS JOIN LATERAL accountability_case_victim_counts(c.victims) v"
cases_cases_measures="1 AS cases, v.total AS victims, v.women, v.girls, v.men, v.boys, v.age_unknown,
    c.peacekeepers_killed AS killed, c.peacekeepers_injured AS injured, c.suspects_identified AS identified,
    c.suspects_arrested AS arrested, c.suspects_charged AS charged, c.suspects_tried AS tried,
    c.suspects_convicted AS convicted, c.suspects_acquitted AS acquitted"
investigations_kept="case_investigation_statistics c"
investigations_kept_measures="c.entity, c.completed, c.days, c.investigations AS n"
investigations_cases="accountability_case c CROSS JOIN LATERAL accountability_case_investigation_rows(c.investigations) i"
investigations_cases_measures="i.entity, i.completed, i.days, 1 AS n"
actions_kept="case_final_action_statistics c"
actions_kept_measures="c.type, c.actions AS n"
actions_cases="accountability_case c CROSS JOIN LATERAL accountability_case_final_action_rows(c.final_actions) a"
actions_cases_measures="a.type, 1 AS n"
declare -A column=([mission]="mission_acronym" [year]="year" [kind]="kind" [category]="category")

# stats NAME 'DIMENSIONS' 'EXTRA KEYS' ARGS KEPT_WHERE CASES_WHERE MEASURES SOURCE [durations]
stats() {
    local name=$1 groups=$2 extra=$3 args=$4 kept_where=$5 cases_where=$6 measures=$7 source=$8 shape=${9:-} g
    local keys="" select="" kept=${source}_kept kept_measures=${source}_kept_measures
    local cases=${source}_cases cases_measures=${source}_cases_measures from
    for g in $groups; do keys+="${keys:+, }${column[$g]}"; select+="${column[$g]} AS $g, "; done
    for g in $extra; do keys+="${keys:+, }$g"; select+="$g AS $g, "; done
    from="(SELECT $kept_dims, ${!kept_measures} FROM ${!kept}${kept_where:+ WHERE $kept_where}
           UNION ALL SELECT $case_dims, ${!cases_measures} FROM ${!cases} WHERE $cases_where) c"
    if [ "$shape" = durations ]; then
        local partition="${keys:+PARTITION BY $keys}"
        from="(SELECT d.*, sum(d.n) FILTER (WHERE d.counted) OVER ($partition ORDER BY d.days) AS upto,
                      sum(d.n) FILTER (WHERE d.counted) OVER ($partition) AS total
                 FROM (SELECT r.*, r.completed AND r.days IS NOT NULL AS counted FROM ${from% c} r) d) c"
    fi
    explain "$name" "$args" "SELECT $select$measures FROM $from${keys:+ GROUP BY $keys ORDER BY $keys}"
}
allegations_measures="coalesce(sum(cases), 0) AS allegations, coalesce(sum(victims), 0) AS victims,
    coalesce(sum(women), 0) AS women, coalesce(sum(girls), 0) AS girls, coalesce(sum(men), 0) AS men,
    coalesce(sum(boys), 0) AS boys, coalesce(sum(age_unknown), 0) AS age_unknown"
investigations_measures="coalesce(sum(n), 0) AS investigations, coalesce(sum(n) FILTER (WHERE completed), 0) AS completed,
    CAST(min(days) FILTER (WHERE counted AND upto > floor((total - 1) / 2.0))
         + min(days) FILTER (WHERE counted AND upto > floor(total / 2.0)) AS float8) / 2 AS median_days"
pipeline_measures="coalesce(sum(cases), 0) AS cases, coalesce(sum(killed), 0) AS killed,
    coalesce(sum(injured), 0) AS injured, coalesce(sum(identified), 0) AS identified,
    coalesce(sum(arrested), 0) AS arrested, coalesce(sum(charged), 0) AS charged, coalesce(sum(tried), 0) AS tried,
    coalesce(sum(convicted), 0) AS convicted, coalesce(sum(acquitted), 0) AS acquitted"

# One statistics call: allegations, investigations, final actions and the judicial pipeline (the
# pipeline only when the kind filter allows crimes: PIPELINE_ARGS empty means none).
call() {
    local name=$1 groups=$2 args=$3 kept=$4 cases=$5 pipeline_args=$6 pipeline_kept=$7 pipeline_cases=$8
    stats "statistics: $name: allegations" "$groups" "" "$args" "$kept" "$cases" "$allegations_measures" cases
    stats "statistics: $name: investigations" "$groups" "entity" "$args" "$kept" "$cases" "$investigations_measures" investigations durations
    stats "statistics: $name: final actions" "$groups" "type" "$args" "$kept" "$cases" "coalesce(sum(n), 0) AS actions" actions
    [ -z "$pipeline_args" ] ||
        stats "statistics: $name: judicial pipeline" "mission" "" "$pipeline_args" "$pipeline_kept" "$pipeline_cases" "$pipeline_measures" cases
}
crimes="'crime_against_peacekeepers'"
for groups in mission year kind category "mission year kind category"; do
    name="group_by=$groups"; [ "$groups" = "mission year kind category" ] && name="all four group_by"
    call "$name" "$groups" "" "" "false" "$crimes" "c.kind = \$1" "c.kind = \$1 AND false"
done
call "mission=MINUSCA, reported 2020-03-15..2022-06-30, by year" "year" \
    "'MINUSCA', 2021, 2021, DATE '2020-03-15', DATE '2022-06-30', DATE '2020-12-31', DATE '2022-01-01'" \
    "c.mission_acronym = \$1 AND c.year >= \$2 AND c.year <= \$3" \
    "c.mission_acronym = \$1 AND c.reported_on >= \$4 AND c.reported_on <= \$5 AND (c.reported_on <= \$6 OR c.reported_on >= \$7)" \
    "$crimes, 'MINUSCA', 2021, 2021, DATE '2020-03-15', DATE '2022-06-30', DATE '2020-12-31', DATE '2022-01-01'" \
    "c.kind = \$1 AND c.mission_acronym = \$2 AND c.year >= \$3 AND c.year <= \$4" \
    "c.kind = \$1 AND c.mission_acronym = \$2 AND c.reported_on >= \$5 AND c.reported_on <= \$6 AND (c.reported_on <= \$7 OR c.reported_on >= \$8)"
call "scope 3 missions, kind=misconduct, by mission" "mission" "'MINUSCA', 'MONUSCO', 'UNMISS', 'misconduct'" \
    "c.mission_acronym IN (\$1, \$2, \$3) AND c.kind = \$4" "c.mission_acronym IN (\$1, \$2, \$3) AND c.kind = \$4 AND false" "" "" ""

# ---------------------------------------------------------------- partnerships
p="'$partnership'"
explain "partnerships: no filter" "" \
    "SELECT p.* FROM host_country_partnership p ORDER BY p.mission_acronym, p.country_code OFFSET 0 ROWS FETCH FIRST 51 ROWS ONLY"
explain "partnerships: status=in_force" "'in_force'" \
    "SELECT p.* FROM host_country_partnership p WHERE p.status = \$1
      ORDER BY p.mission_acronym, p.country_code OFFSET 0 ROWS FETCH FIRST 51 ROWS ONLY"
explain "partnerships: keyset after MINUSCA/AAX" "'MINUSCA', 'AAX'" \
    "SELECT p.* FROM host_country_partnership p WHERE p.mission_acronym >= \$1 AND (p.mission_acronym > \$1 OR p.country_code > \$2)
      ORDER BY p.mission_acronym, p.country_code OFFSET 0 ROWS FETCH FIRST 51 ROWS ONLY"

commitments() {
    local name=$1 args=$2 where=$3
    explain "commitments: $name" "$p, DATE '$today'${args:+, $args}" \
        "SELECT c.*, partnership_commitment_overdue(c.due_date, c.status, \$2) FROM partnership_commitment c
          WHERE c.partnership_id = \$1${where:+ AND $where}
          ORDER BY $due, c.id FETCH FIRST 51 ROWS ONLY"
}
due="coalesce(c.due_date, DATE '9999-12-31')"
commitments "no filter" "" ""
commitments "status=planned" "'planned'" "c.status = \$3"
commitments "status=met (after 2025-06-30)" "'met', DATE '2025-06-30', '00000000-0000-0000-0000-000000000000'" \
    "c.status = \$3 AND $due >= \$4 AND ($due > \$4 OR c.id > \$5)"
commitments "area=transition, owner=joint" "'transition', 'joint'" "c.area = \$3 AND c.owner = \$4"
commitments "overdue=true" "" "partnership_commitment_overdue(c.due_date, c.status, \$2) = true"
commitments "overdue=false" "" "partnership_commitment_overdue(c.due_date, c.status, \$2) = false"
commitments "keyset after 2025-06-30" "DATE '2025-06-30', '00000000-0000-0000-0000-000000000000'" \
    "$due >= \$3 AND ($due > \$3 OR c.id > \$4)"

violations() {
    local name=$1 args=$2 where=$3
    explain "violations: $name" "$p${args:+, $args}" \
        "SELECT v.* FROM partnership_violation v WHERE v.partnership_id = \$1${where:+ AND $where}
          ORDER BY v.occurred_on DESC, v.id OFFSET 0 ROWS FETCH FIRST 51 ROWS ONLY"
}
violations "no filter" "" ""
violations "type=threat" "'threat'" "v.type = \$2"
violations "status=unresolved" "'unresolved'" "v.status = \$2"
violations "perpetrator=unknown" "'unknown'" "v.perpetrator = \$2"
violations "occurred 2016-01-01..2016-03-31" "DATE '2016-01-01', DATE '2016-03-31'" "v.occurred_on >= \$2 AND v.occurred_on <= \$3"
violations "keyset after 2015-06-30" "DATE '2015-06-30', '00000000-0000-0000-0000-000000000000'" \
    "v.occurred_on <= \$2 AND (v.occurred_on < \$2 OR v.id > \$3)"

since() { date -u -d "$today - $1 months" +%F; }
explain "summary: open violations by type" "$p, 'recorded', 'raised', 'unresolved', 'unresolved', DATE '$(since 12)', DATE '$today'" \
    "SELECT type, count(*) AS n FROM partnership_violation WHERE partnership_id = \$1 AND status IN (\$2, \$3, \$4, \$5)
       AND occurred_on > \$6 AND occurred_on <= \$7 GROUP BY type ORDER BY count(*) DESC, type"
explain "summary: trend" "$p, DATE '$(since 6)', DATE '$today', DATE '$(since 12)'" \
    "SELECT count(*) FILTER (WHERE occurred_on > \$2 AND occurred_on <= \$3) AS last6,
            count(*) FILTER (WHERE occurred_on > \$4 AND occurred_on <= \$2) AS previous6
       FROM partnership_violation WHERE partnership_id = \$1 AND occurred_on > \$4 AND occurred_on <= \$3"
explain "summary: overdue count" "$p, DATE '$today'" \
    "SELECT count(*) AS n FROM partnership_commitment WHERE partnership_id = \$1 AND partnership_commitment_overdue(due_date, status, \$2)"
explain "summary: overdue listed" "$p, DATE '$today', 50" \
    "SELECT id, description, due_date FROM partnership_commitment
      WHERE partnership_id = \$1 AND partnership_commitment_overdue(due_date, status, \$2) ORDER BY due_date, id LIMIT \$3"
explain "summary: benchmarks" "$p" \
    "SELECT b ->> 'status' AS status, count(*) AS n FROM host_country_partnership p, jsonb_array_elements(p.transition_benchmarks) b
      WHERE p.id = \$1 GROUP BY 1"
stats "summary: judicial pipeline of the mission" "mission" "" "$crimes, 'MINURSO'" \
    "c.kind = \$1 AND c.mission_acronym = \$2" "c.kind = \$1 AND c.mission_acronym = \$2 AND false" "$pipeline_measures" cases

echo "### Execution times ($plans plans, $(sql "SELECT count(*) FROM accountability_case") cases, today $today)"
echo
echo "| query | ms | seq scan of the case table |"
echo "|---|---|---|"
printf '%s\n' "${summary[@]}"
