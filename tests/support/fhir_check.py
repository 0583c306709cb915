"""Checks a Carepath FHIR export: every resource parses as FHIR R4 (4.0.1) with the models of
fhir.resources 6.4.0 (a structural validator: elements, types, cardinalities, required fields;
not terminology bindings, invariants or profiles), every reference and canonical inside the
Bundle resolves, and the CPG pathway pattern's required elements are present.
Usage: python fhir_check.py BUNDLE.json   (prints a summary; exits 1 with the problems)"""
import json
import sys

import fhir.resources
from fhir.resources import construct_fhir_element

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__

path = sys.argv[1]
data = json.load(open(path, encoding="utf-8"))
problems = []
bundle = construct_fhir_element("Bundle", data)
full_urls = {e["fullUrl"] for e in data.get("entry", [])}
by_type_id = {f'{e["resource"]["resourceType"]}/{e["resource"]["id"]}' for e in data.get("entry", [])}
for e in data.get("entry", []):
    r = e["resource"]
    construct_fhir_element(r["resourceType"], r)
    if not e["fullUrl"].endswith(f'/{r["resourceType"]}/{r["id"]}'):
        problems.append(f'{e["fullUrl"]}: the fullUrl does not end in {r["resourceType"]}/{r["id"]}')
    if "url" in r and r["url"] != e["fullUrl"]:
        problems.append(f'{e["fullUrl"]}: url {r["url"]} differs from the fullUrl')


def walk(node, where):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reference" and isinstance(v, str) and v not in full_urls and v not in by_type_id:
                problems.append(f"{where}: reference {v} is not in the Bundle")
            if k.endswith("Canonical") and isinstance(v, str) and v not in full_urls:
                problems.append(f"{where}.{k}: canonical {v} is not in the Bundle")
            walk(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, f"{where}[{i}]")


walk(data, "Bundle")

plans = [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "PlanDefinition"]
if len(plans) != 1:
    problems.append(f"{len(plans)} PlanDefinitions; the pathway is one")
actions = 0
for p in plans:
    for field in ["url", "version", "name", "title", "status", "experimental", "publisher", "description", "type", "action"]:
        if field not in p:
            problems.append(f"PlanDefinition: the CPG pathway needs {field}")
    codes = [c.get("code") for c in p.get("type", {}).get("coding", [])]
    if "clinical-protocol" not in codes:
        problems.append(f"PlanDefinition.type is {codes}, not clinical-protocol")
    if "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-pathwaydefinition" not in p.get("meta", {}).get("profile", []):
        problems.append("PlanDefinition does not claim the CPG pathway profile")
    ids = []

    def collect(acts, depth):
        global actions
        for a in acts:
            actions += 1
            ids.append(a.get("id"))
            if not a.get("title"):
                problems.append(f'action {a.get("id")}: no title')
            if depth > 0 and a.get("code", [{}])[0].get("text") == "phase":
                problems.append(f'action {a.get("id")}: a phase inside a step')
            collect(a.get("action", []), depth + 1)

    collect(p.get("action", []), 0)
    if len(ids) != len(set(ids)) or None in ids:
        problems.append("action ids are missing or repeat")
    known = set(ids)

    def related(acts):
        for a in acts:
            for r in a.get("relatedAction", []):
                if r["actionId"] not in known:
                    problems.append(f'action {a["id"]}: relatedAction {r["actionId"]} is no action of the plan')
            related(a.get("action", []))

    related(p.get("action", []))

if problems:
    print("\n".join(problems))
    sys.exit(1)
kinds = {}
for e in data["entry"]:
    kinds[e["resource"]["resourceType"]] = kinds.get(e["resource"]["resourceType"], 0) + 1
print(json.dumps({"resources": kinds, "actions": actions}, sort_keys=True))
