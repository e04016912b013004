#!/usr/bin/env python3
"""Writes the named `examples` of openapi.yaml from a running service started with demo data.

Usage: python3 bench/contract_examples.py http://localhost:8381 TOKEN_FILE  (a token with role admin, missions *)

Each operation's request examples are written by hand below (ids from db/demo/demo-data.sql);
the response examples are what the service answered to them, so the two always agree.
Run it against a FRESH database with A4P_DEMO_DATA=true: it creates and changes records.
Existing `examples:` blocks are replaced; nothing else in the file is touched.
"""
import json
import re
import sys
import urllib.error
import urllib.request

import yaml

BASE = sys.argv[1]
TOKEN = open(sys.argv[2]).read().strip()
SPEC = 'openapi.yaml'

SEA = 'd0000000-0000-4000-8000-000000000301'
OTHER = 'd0000000-0000-4000-8000-000000000302'
CRIME = 'd0000000-0000-4000-8000-000000000303'
IND = 'd0000000-0000-4000-8000-000000000101'
ASM = 'd0000000-0000-4000-8000-000000000201'
PSHIP = 'd0000000-0000-4000-8000-000000000401'
COMMIT = 'd0000000-0000-4000-8000-000000000501'
VIOL = 'd0000000-0000-4000-8000-000000000601'


def call(method, path, body=None, headers=None, ctype='application/json', token=TOKEN, accept='application/json, application/problem+json'):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, method=method, data=data)
    if token:
        req.add_header('Authorization', 'Bearer ' + token)
    if accept:
        req.add_header('Accept', accept)
    if data is not None and ctype:
        req.add_header('Content-Type', ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req) as r:
            status, hdrs, raw = r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, dict(e.headers), e.read()
    return status, hdrs, (json.loads(raw) if raw else None)


def etag(path):
    return call('GET', path)[1]['ETag']


# --- request examples (method, template path, concrete path) -> {name: (summary, body)} ---------
sea_case = {
    'kind': 'misconduct', 'mission_acronym': 'MINUSCA', 'reported_on': '2024-05-06', 'incident_date': '2024-04-01',
    'incident_date_precision': 'month',
    'misconduct': {
        'category': 'sea', 'sea_type': 'sexual_abuse', 'sea_subtype': 'sexual_assault',
        'personnel_category': 'military_contingent', 'alleged_perpetrators': 1,
        'victims': [{'sex': 'female', 'age_group': 'adult', 'assistance_offered': True, 'assistance_accepted': True,
                     'assistance': [{'type': 'medical', 'provider': 'UNFPA implementing partner', 'provided_on': '2024-05-07'}]}],
        'investigations': [{'entity': 'oios', 'opened_on': '2024-05-10'}],
        'interim_actions': [{'type': 'administrative_leave', 'taken_on': '2024-05-08'}],
    }}
other_case = {
    'kind': 'misconduct', 'mission_acronym': 'MONUSCO', 'reported_on': '2024-05-13', 'incident_date_precision': 'unknown',
    'misconduct': {'category': 'other_misconduct', 'misconduct_level': 2, 'misconduct_type': 'harassment',
                   'personnel_category': 'civilian_national', 'alleged_perpetrators': 1}}
crime_case = {
    'kind': 'crime_against_peacekeepers', 'mission_acronym': 'MINUSCA', 'reported_on': '2024-05-20',
    'incident_date': '2024-05-19', 'incident_date_precision': 'day',
    'crime': {'crime_type': 'direct_attack', 'location': {'admin_area': 'Ouaka', 'description': 'Temporary operating base near Bambari'},
              'peacekeepers_killed': 0, 'peacekeepers_injured': 2, 'attributed_group': 'Unidentified armed group',
              'judicial_pipeline': {'suspects_identified': 0, 'arrested': 0, 'charged': 0, 'tried': 0, 'convicted': 0, 'acquitted': 0}}}
sea_update = {
    'reported_on': '2024-02-12', 'incident_date': '2024-02-01', 'incident_date_precision': 'month',
    'misconduct': {
        'category': 'sea', 'misconduct_level': 1, 'sea_type': 'sexual_exploitation', 'sea_subtype': 'transactional_sex',
        'personnel_category': 'military_contingent', 'alleged_perpetrators': 1,
        'victims': [
            {'sex': 'female', 'age_group': 'adult', 'assistance_offered': True, 'assistance_accepted': True,
             'assistance': [{'type': 'medical', 'provider': 'UNFPA implementing partner', 'provided_on': '2024-02-14'},
                            {'type': 'psychosocial', 'provider': 'UNFPA implementing partner', 'provided_on': '2024-02-15'}]},
            {'sex': 'female', 'age_group': 'minor', 'assistance_offered': True, 'assistance_accepted': False, 'assistance': []}],
        'investigations': [{'entity': 'nio', 'opened_on': '2024-02-20'}],
        'interim_actions': [{'type': 'payments_suspended', 'taken_on': '2024-02-25'}],
        'final_actions': [], 'member_state_requests': [],
        'paternity_claims': [{'status': 'open', 'opened_on': '2024-03-01'}]}}
minusca = {
    'name': {'en': 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
             'fr': 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine'},
    'host_countries': ['CAF'], 'start_date': '2014-04-10', 'mandate': {'resolution': 2709, 'adopted_on': '2023-11-14'},
    'headquarters': 'Bangui', 'status': 'active'}
indicator = {'name': {'en': 'SEA allegations with a victim referred to assistance within 7 days',
                      'fr': "Allégations d'EAS dont la victime a été orientée vers une assistance dans les 7 jours"},
             'unit': 'percent', 'baseline': 60, 'target': 100, 'direction': 'higher_is_better',
             'data_source': "Victims' Rights Advocate"}
partnership_update = {
    'status': 'in_force',
    'agreement': {'type': 'sofa', 'title': 'Agreement between the United Nations and the Government of the Central African '
                  'Republic concerning the status of MINUSCA', 'signed_date': '2014-09-02', 'in_force_date': '2014-09-02'},
    'focal_points': [{'function': 'Director of Cabinet for relations with MINUSCA', 'organisation': 'Ministry of Foreign Affairs',
                      'contact_channel': 'Note verbale through the Office of the SRSG'}],
    'resolution_2589_focal_point': {'function': 'Focal point for crimes against peacekeepers', 'organisation': 'Ministry of Justice',
                                    'contact_channel': "Monthly joint meeting with the mission's Justice and Corrections Section"},
    'transition_plan': {'phase': 'planning', 'benchmarks': [
        {'indicator': 'Prefectures where state administration has redeployed', 'target': '16 of 16 prefectures',
         'current_value': '11 of 16 prefectures', 'status': 'on_track'}]}}
commitment = {'description': 'Joint patrols with the national defence forces on the Bangui–Bouar supply route',
              'area': 'safety_and_security', 'priority_code': 'P4', 'owner': 'joint', 'due_date': '2024-06-30',
              'status': 'in_progress'}
violation = {'occurred_on': '2024-03-14', 'type': 'movement_restriction_land', 'perpetrator': 'government_forces',
             'location': 'Checkpoint at PK12, Bangui', 'description': 'Mission convoy held for five hours; no written order shown.',
             'raised_through': 'note_verbale', 'status': 'raised'}

P = '/host-country-partnerships/' + PSHIP
REQUESTS = [
    ('post', '/priorities/{code}/indicators', '/priorities/P5/indicators',
     {'new_indicator': ('A new P5 indicator', dict(indicator, code='P5-DEMO-02', name={
         'en': 'Victims informed of their case status every quarter',
         'fr': "Victimes informées de l'état de leur dossier chaque trimestre"}, baseline=40, data_source="Victims' Rights Advocate"))}),
    ('put', '/priorities/{code}/indicators/{indicator_id}', '/priorities/P5/indicators/' + IND,
     {'replace_indicator': ('The whole indicator, as stored', dict(indicator, code='P5-DEMO-01'))}),
    ('post', '/missions', '/missions',
     {'new_mission': ('A mission that closed', {
         'acronym': 'MINUJUSTH', 'name': {'en': 'United Nations Mission for Justice Support in Haiti',
                                          'fr': "Mission des Nations Unies pour l'appui à la justice en Haïti"},
         'host_countries': ['HTI'], 'start_date': '2017-10-16', 'end_date': '2019-10-15',
         'mandate': {'resolution': 2466, 'adopted_on': '2019-04-12'}, 'headquarters': 'Port-au-Prince', 'status': 'closed'})}),
    ('put', '/missions/{acronym}', '/missions/MINUSCA', {'replace_mission': ('Every field but the acronym', minusca)}),
    ('patch', '/missions/{acronym}', '/missions/MINUSCA',
     {'new_mandate': ('A mandate renewal', {'mandate': {'resolution': 2709, 'adopted_on': '2023-11-14'}})}),
    ('post', '/missions/{acronym}/assessments', '/missions/MINUSCA/assessments',
     {'quarterly_assessment': ('A quarterly assessment with an indicator value', {
         'priority_code': 'P5', 'period': '2024-Q2', 'rating': 'on_track', 'score': 72,
         'narrative': 'Both overdue SEA investigations were completed.',
         'indicator_values': [{'indicator_id': IND, 'value': 100, 'note': '4 of 4 victims referred within 7 days'}]})}),
    ('put', '/missions/{acronym}/assessments/{assessment_id}', '/missions/MINUSCA/assessments/' + ASM,
     {'replace_assessment': ('The whole assessment', {
         'priority_code': 'P5', 'period': '2024-Q1', 'rating': 'at_risk', 'score': 55,
         'narrative': 'Two SEA investigations ran past the 90-day target; victim referral times improved.',
         'indicator_values': [{'indicator_id': IND, 'value': 75, 'note': '3 of 4 victims referred within 7 days'}]})}),
    ('post', '/accountability-cases', '/accountability-cases',
     {'sea_case': ('Sexual abuse (kind misconduct, category sea)', sea_case),
      'other_misconduct': ('Other misconduct, category 2', other_case),
      'crime_case': ('A crime against peacekeepers', crime_case)}),
    ('put', '/accountability-cases/{case_id}', '/accountability-cases/' + SEA,
     {'replace_misconduct': ('The whole misconduct part of an SEA case', sea_update)}),
    ('patch', '/accountability-cases/{case_id}', '/accountability-cases/' + SEA,
     {'interim_actions': ('Replace one array, keep the rest',
                          {'misconduct': {'interim_actions': [{'type': 'payments_suspended', 'taken_on': '2024-02-25'}]}})}),
    ('post', '/accountability-cases/{case_id}/transitions', '/accountability-cases/' + OTHER + '/transitions',
     {'refer': ('Refer a case after its preliminary assessment',
                {'to': 'referred', 'reason': 'Preliminary assessment found grounds; referred to OIOS.'})}),
    ('post', '/host-country-partnerships', '/host-country-partnerships',
     {'new_partnership': ('A partnership under negotiation', {
         'mission_acronym': 'UNMISS', 'country_code': 'SSD', 'status': 'in_force',
         'agreement': {'type': 'sofa', 'signed_date': '2011-08-08', 'in_force_date': '2011-08-08'},
         'focal_points': [{'function': 'Chair of the joint SOFA violations committee', 'organisation': 'Ministry of Foreign Affairs',
                           'contact_channel': 'Monthly meeting of the joint committee'}]})}),
    ('put', '/host-country-partnerships/{partnership_id}', P, {'replace_partnership': ('Every field but mission and country', partnership_update)}),
    ('patch', '/host-country-partnerships/{partnership_id}', P,
     {'transition_phase': ('Move the transition plan on (arrays are replaced whole)', {'transition_plan': partnership_update['transition_plan']})}),
    ('post', '/host-country-partnerships/{partnership_id}/commitments', P + '/commitments',
     {'new_commitment': ('A joint commitment on safety and security', {
         'description': 'Joint early-warning cell in Bambari', 'area': 'safety_and_security', 'priority_code': 'P4',
         'owner': 'joint', 'due_date': '2024-09-30'})}),
    ('put', '/host-country-partnerships/{partnership_id}/commitments/{commitment_id}', P + '/commitments/' + COMMIT,
     {'replace_commitment': ('The whole commitment', commitment)}),
    ('post', '/host-country-partnerships/{partnership_id}/violations', P + '/violations',
     {'new_violation': ('A SOFA violation raised by note verbale', {
         'occurred_on': '2024-05-02', 'type': 'impoundment', 'perpetrator': 'government_forces', 'location': 'Port of Douala transit',
         'description': 'Two mission trucks held at customs.', 'raised_through': 'note_verbale', 'status': 'raised'})}),
    ('put', '/host-country-partnerships/{partnership_id}/violations/{violation_id}', P + '/violations/' + VIOL,
     {'replace_violation': ('The whole violation', violation)}),
]

GETS = [
    ('/priorities', '/priorities', 'all', 'Every priority'),
    ('/priorities/{code}', '/priorities/P5', 'p5', 'Priority P5'),
    ('/priorities/{code}/indicators', '/priorities/P5/indicators?limit=2', 'first_page', 'A first page of two'),
    ('/priorities/{code}/indicators/{indicator_id}', '/priorities/P5/indicators/' + IND, 'demo_indicator', 'A demo indicator'),
    ('/missions', '/missions?host_country=CAF', 'in_caf', 'Missions in the Central African Republic'),
    ('/missions/{acronym}', '/missions/MINUSCA', 'minusca', 'MINUSCA'),
    ('/missions/{acronym}/assessments', '/missions/MINUSCA/assessments?priority=P5', 'p5', 'P5 assessments of MINUSCA'),
    ('/missions/{acronym}/assessments/{assessment_id}', '/missions/MINUSCA/assessments/' + ASM, 'q1', 'MINUSCA, P5, 2024-Q1'),
    ('/missions/{acronym}/progress', '/missions/MINUSCA/progress', 'minusca', 'MINUSCA against every priority'),
    ('/priorities/{code}/progress', '/priorities/P5/progress?period=2024-Q1', 'q1', 'P5 across missions in 2024-Q1'),
    ('/accountability-cases', '/accountability-cases?reported_from=2024-01-01&reported_to=2024-04-30&limit=4', 'first_page', 'Cases of early 2024'),
    ('/accountability-cases/statistics', '/accountability-cases/statistics?group_by=mission&reported_from=2024-01-01&reported_to=2024-04-30', 'by_mission', 'Early 2024, per mission'),
    ('/accountability-cases/{case_id}', '/accountability-cases/' + CRIME, 'crime_case', 'A crime against peacekeepers'),
    ('/accountability-cases/{case_id}/history', '/accountability-cases/' + CRIME + '/history', 'created', 'A case as created'),
    ('/accountability-cases/{case_id}/reads', '/accountability-cases/' + SEA + '/reads?limit=2', 'reads', 'Who read the full case'),
    ('/host-country-partnerships', '/host-country-partnerships?country=CAF', 'in_caf', 'Partnerships with the Central African Republic'),
    ('/host-country-partnerships/{partnership_id}', P, 'minusca_caf', 'MINUSCA and the Central African Republic'),
    ('/host-country-partnerships/{partnership_id}/summary', P + '/summary', 'minusca_caf', 'MINUSCA and the Central African Republic'),
    ('/host-country-partnerships/{partnership_id}/history', P + '/history', 'history', 'Revisions, newest first'),
    ('/host-country-partnerships/{partnership_id}/commitments', P + '/commitments?limit=2', 'first_page', 'A first page of two'),
    ('/host-country-partnerships/{partnership_id}/commitments/{commitment_id}', P + '/commitments/' + COMMIT, 'patrols', 'Joint patrols'),
    ('/host-country-partnerships/{partnership_id}/violations', P + '/violations?status=resolved', 'resolved', 'Resolved violations'),
    ('/host-country-partnerships/{partnership_id}/violations/{violation_id}', P + '/violations/' + VIOL, 'checkpoint', 'A convoy held at a checkpoint'),
]


# --- text surgery on openapi.yaml ----------------------------------------------------------------
lines = open(SPEC, encoding='utf-8').read().split('\n')


def indent(line):
    return len(line) - len(line.lstrip(' '))


def block_end(i):
    """First line after the block that starts at line i (a key line)."""
    base = indent(lines[i])
    j = i + 1
    while j < len(lines) and (lines[j].strip() == '' or indent(lines[j]) > base):
        j += 1
    return j


def find(start, end, pattern):
    for j in range(start, end):
        if re.fullmatch(pattern, lines[j]):
            return j
    raise KeyError(pattern + ' after line ' + str(start + 1))


def op_block(path, method):
    p = find(0, len(lines), '  ' + re.escape(path) + ':')
    m = find(p, block_end(p), '    ' + method + ':')
    return m, block_end(m)


def dump_examples(ind, examples):
    text = yaml.safe_dump({'examples': examples}, sort_keys=False, allow_unicode=True, default_flow_style=False, width=110)
    return [' ' * ind + l for l in text.rstrip('\n').split('\n')]


def set_examples(media_line, examples):
    """Replace or add the `examples:` (and drop any single `example:`) of the media type at media_line."""
    end = block_end(media_line)
    ind = indent(lines[media_line]) + 2
    j = media_line + 1
    while j < end:
        if indent(lines[j]) == ind and lines[j].strip().split(':')[0] in ('example', 'examples'):
            k = block_end(j)
            del lines[j:k]
            end -= k - j
        else:
            j += 1
    lines[end:end] = dump_examples(ind, examples)


def media_of(start, end, types=('application/json', 'application/merge-patch+json', 'application/problem+json')):
    for j in range(start, end):
        if lines[j].strip().rstrip(':') in types and lines[j].strip().endswith(':'):
            return j
    raise KeyError('no media type between lines %d and %d' % (start + 1, end))


def set_response(path, method, code, examples):
    m, end = op_block(path, method)
    r = find(m, end, "        '%s':" % code)
    set_examples(media_of(r, block_end(r)), examples)


def set_request(path, method, examples):
    m, end = op_block(path, method)
    rb = find(m, end, '      requestBody:')
    set_examples(media_of(rb, block_end(rb)), examples)


def set_component_response(name, examples):
    c = find(0, len(lines), '  responses:')
    r = find(c, block_end(c), '    ' + name + ':')
    set_examples(media_of(r, block_end(r)), examples)


def ex(summary, value):
    return {'summary': summary, 'value': value}


# --- run ------------------------------------------------------------------------------------------
for method, template, concrete, requests in REQUESTS:
    set_request(template, method, {n: ex(s, b) for n, (s, b) in requests.items()})
    answers = {}
    for name, (summary, body) in requests.items():
        headers = {'If-Match': etag(concrete)} if method in ('put', 'patch') else {}
        ctype = 'application/merge-patch+json' if method == 'patch' else 'application/json'
        status, _, answer = call(method.upper(), concrete, body, headers, ctype)
        if status >= 300:
            sys.exit('%s %s (%s) answered %s: %s' % (method, concrete, name, status, answer))
        answers.setdefault(status, {})[name] = ex(summary, answer)
    for status, examples in answers.items():
        set_response(template, method, status, examples)

for template, concrete, name, summary in GETS:
    status, _, answer = call('GET', concrete)
    if status != 200:
        sys.exit('GET %s answered %s: %s' % (concrete, status, answer))
    set_response(template, 'get', 200, {name: ex(summary, answer)})

# Problems, as the service writes them.
reader = None
problems = {
    'BadRequest': [('validation_error', 'A body that breaks the schema',
                    lambda: call('POST', '/priorities/P5/indicators', {'code': 'p5 x', 'unit': 'percent', 'baseline': 1, 'target': 2,
                                                                        'direction': 'higher_is_better', 'name': {'en': 'x'}})),
                   ('unconvertible_parameter', 'A query parameter of the wrong type',
                    lambda: call('GET', '/accountability-cases?limit=many'))],
    'Unauthorized': [('no_token', 'No bearer token', lambda: call('GET', '/missions', token=None))],
    'NotFound': [('no_case', 'An id that names no case (or one outside the caller\'s missions)',
                  lambda: call('GET', '/accountability-cases/00000000-0000-4000-8000-000000000000'))],
    'NotAcceptable': [('xml', 'Accept: application/xml', lambda: call('GET', '/missions', accept='application/xml'))],
    'UnsupportedMediaType': [('text', 'Content-Type: text/plain',
                              lambda: call('POST', '/missions', b'MINUSCA', ctype='text/plain'))],
    'Conflict': [('duplicate', 'A record that already exists', lambda: call('POST', '/missions', {
                     'acronym': 'MINUSCA', 'name': minusca['name'], 'host_countries': ['CAF'], 'start_date': '2014-04-10',
                     'headquarters': 'Bangui'})),
                 ('invalid_transition', 'A status the record cannot move to', lambda: call(
                     'POST', '/accountability-cases/' + CRIME + '/transitions', {'to': 'convicted', 'reason': 'Verdict delivered.'}))],
    'PreconditionFailed': [('stale', 'If-Match names an older version', lambda: call(
        'PUT', '/missions/MINUSCA', minusca, {'If-Match': '"999"'}))],
    'PreconditionRequired': [('missing', 'No If-Match', lambda: call('PUT', '/missions/MINUSCA', minusca))],
    'UnprocessableEntity': [('judicial_pipeline', 'A pipeline stage above the one before it', lambda: call(
        'POST', '/accountability-cases', dict(crime_case, crime=dict(crime_case['crime'], judicial_pipeline={
            'suspects_identified': 1, 'arrested': 2, 'charged': 0, 'tried': 0, 'convicted': 0, 'acquitted': 0}))))],
}
READER = sys.argv[3] if len(sys.argv) > 3 else None
if READER:
    problems['Forbidden'] = [('reader_writes', 'A reader tries to record a case', lambda: call(
        'POST', '/accountability-cases', crime_case, token=open(READER).read().strip()))]


def reused_key():
    call('POST', '/accountability-cases', crime_case, {'Idempotency-Key': 'demo-reused-key'})
    return call('POST', '/accountability-cases', other_case, {'Idempotency-Key': 'demo-reused-key'})


problems['UnprocessableEntity'].insert(0, ('idempotency_key_reused', 'The same Idempotency-Key with another body', reused_key))
for name, cases in problems.items():
    examples = {}
    for ex_name, summary, fn in cases:
        status, _, answer = fn()
        if status < 400:
            sys.exit('%s: %s answered %s' % (name, ex_name, status))
        examples[ex_name] = ex(summary, answer)
    set_component_response(name, examples)
# The HTTP layer's and the fault handlers' problems cannot be provoked here: their single
# `example` becomes a named one.
for name, ex_name, summary in [('PayloadTooLarge', 'too_large', 'A body over 1 MiB'),
                               ('UriTooLong', 'too_long', 'A request line over 8 KiB'),
                               ('TooManyRequests', 'failed_authentications', 'Too many bad tokens from one address'),
                               ('RequestHeaderFieldsTooLarge', 'too_large', 'Headers over the limit'),
                               ('ServiceUnavailable', 'database_down', 'The database does not answer'),
                               ('InternalError', 'unexpected', 'An unexpected error')]:
    c = find(0, len(lines), '  responses:')
    r = find(c, block_end(c), '    ' + name + ':')
    m = media_of(r, block_end(r))
    e = find(m, block_end(m), ' ' * (indent(lines[m]) + 2) + 'example:')
    value = yaml.safe_load('\n'.join(l[indent(lines[e]) + 2:] for l in lines[e + 1:block_end(e)]))
    set_examples(m, {ex_name: ex(summary, value)})
open(SPEC, 'w', encoding='utf-8').write('\n'.join(lines))
print('examples written')
