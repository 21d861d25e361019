package web

import (
	"net/http"

	"casebook"
)

// filterParams are the query parameters every list, map and chart shares.
var filterParams = []any{
	param("q", "Full-text search (English or Korean)", "string"),
	param("place", "Gazetteer place id; a province includes its cities and counties", "string"),
	enumParam("agency", "Agency code", []string{casebook.AgencyMSS, casebook.AgencyMPS, casebook.AgencyWPK, casebook.AgencyKPA, casebook.AgencyProsecution, casebook.AgencyOther}),
	enumParam("type", "Event type", casebook.EventTypes),
	param("target", "Kind of person acted on (\"none\" for unspecified)", "string"),
	enumParam("state", "Review state", []string{casebook.StateMachine, casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected}),
	enumParam("lang", "Report language", []string{"en", "ko"}),
	param("year", "Events dated in this year", "integer"),
	param("page", "Page number, from 1", "integer"),
}

func param(name, desc, typ string) map[string]any {
	return map[string]any{"name": name, "in": "query", "description": desc, "schema": map[string]any{"type": typ}}
}

func enumParam(name, desc string, values []string) map[string]any {
	return map[string]any{"name": name, "in": "query", "description": desc, "schema": map[string]any{"type": "string", "enum": values}}
}

var idParam = map[string]any{"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func jsonResp(desc string, schema any) map[string]any {
	return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": schema}}}
}

func op(summary string, params []any, ok map[string]any) map[string]any {
	o := map[string]any{"summary": summary, "responses": map[string]any{
		"200": ok, "400": ref2("Error"), "401": ref2("Error"), "404": ref2("Error"),
	}}
	if len(params) > 0 {
		o["parameters"] = params
	}
	return o
}

func ref2(name string) map[string]any { return jsonResp("error", ref(name)) }

func withID(extra ...any) []any { return append([]any{idParam}, extra...) }

func openAPIDoc() map[string]any {
	anyObj := map[string]any{"type": "object"}
	arr := func(s any) map[string]any { return map[string]any{"type": "array", "items": s} }
	review := map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": ref("Review")}}}
	upload := map[string]any{"required": true, "content": map[string]any{"multipart/form-data": map[string]any{"schema": map[string]any{
		"type": "object", "properties": map[string]any{"file": map[string]any{"type": "array", "items": map[string]any{"type": "string", "format": "binary"}}}}}}}
	post := func(summary string, params []any, body map[string]any, ok map[string]any) map[string]any {
		o := op(summary, params, ok)
		o["requestBody"] = body
		o["responses"].(map[string]any)["403"] = ref2("Error")
		return o
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "casebook API", "version": casebook.Version,
			"description": "Everything the casebook web app does, as JSON. Log in with POST /api/v1/login; the session cookie authenticates later calls. State-changing requests must come from the same origin (Sec-Fetch-Site / Origin checks) or from a non-browser client."},
		"servers": []any{map[string]any{"url": "/api/v1"}},
		"paths": map[string]any{
			"/login": map[string]any{"post": map[string]any{"summary": "Log in; sets the session cookie",
				"requestBody": map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{
					"type": "object", "required": []string{"name", "password"},
					"properties": map[string]any{"name": map[string]any{"type": "string"}, "password": map[string]any{"type": "string"}}}}}},
				"responses": map[string]any{"200": jsonResp("the user", ref("User")), "401": ref2("Error"), "429": ref2("Error")}}},
			"/logout": map[string]any{"post": map[string]any{"summary": "End the session", "responses": map[string]any{"204": map[string]any{"description": "logged out"}}}},
			"/me":     map[string]any{"get": op("The logged-in user", nil, jsonResp("user", ref("User")))},
			"/reports": map[string]any{
				"get":  op("Search reports", filterParams, jsonResp("a page of reports with snippets", anyObj)),
				"post": post("Upload report files (txt, md, html, pdf, jsonl); analysts and admins", nil, upload, jsonResp("one result per file", anyObj)),
			},
			"/reports/{id}": map[string]any{"get": op("A report with the facts the caller may see", withID(), jsonResp("report", ref("Report")))},
			"/reports/{id}/facts": map[string]any{
				"get":  op("A report's facts", withID(), jsonResp("facts", arr(ref("Fact")))),
				"post": post("Add an event the extractor missed (start/end byte offsets or quote)", withID(), review, jsonResp("the new fact", ref("Fact"))),
			},
			"/facts/{id}":        map[string]any{"get": op("One fact", withID(), jsonResp("fact", ref("Fact")))},
			"/facts/{id}/review": map[string]any{"post": post("Confirm, correct or reject a fact", withID(), review, jsonResp("the fact after review", ref("Fact")))},
			"/events":            map[string]any{"get": op("Events matching the filter, newest first", filterParams, jsonResp("a page of events", anyObj))},
			"/map":               map[string]any{"get": op("Events per place and per province", filterParams, jsonResp("map data", anyObj))},
			"/timeline":          map[string]any{"get": op("Events per month by type", filterParams, jsonResp("timeline", anyObj))},
			"/prices":            map[string]any{"get": op("Bribe price index: median and range in USD per year and target, with counts", filterParams, jsonResp("price index", anyObj))},
			"/places":            map[string]any{"get": op("Places with their event counts", filterParams, jsonResp("places", arr(anyObj)))},
			"/places/{id}":       map[string]any{"get": op("A place: its events, figures and reports", withID(filterParams...), jsonResp("place summary", anyObj))},
			"/agencies":          map[string]any{"get": op("Agencies with their event counts", filterParams, jsonResp("agencies", arr(anyObj)))},
			"/agencies/{id}":     map[string]any{"get": op("An agency: its events, figures and reports", withID(filterParams...), jsonResp("agency summary", anyObj))},
			"/export": map[string]any{"get": op("Download events (redacted unless admin)",
				append([]any{map[string]any{"name": "format", "in": "query", "required": true, "schema": map[string]any{"type": "string", "enum": []string{"csv", "geojson", "json"}}}}, filterParams...),
				map[string]any{"description": "the file", "content": map[string]any{"text/csv": map[string]any{}, "application/geo+json": map[string]any{}, "application/json": map[string]any{}}})},
		},
		"components": map[string]any{"schemas": map[string]any{
			"Error": map[string]any{"type": "object", "properties": map[string]any{
				"error": map[string]any{"type": "string"}, "kind": map[string]any{"type": "string"}, "request_id": map[string]any{"type": "string"}}},
			"User": map[string]any{"type": "object", "properties": map[string]any{
				"id": map[string]any{"type": "integer"}, "name": map[string]any{"type": "string"},
				"role": map[string]any{"type": "string", "enum": []string{casebook.RoleAdmin, casebook.RoleAnalyst, casebook.RoleViewer}}}},
			"Report": map[string]any{"type": "object", "description": "A report kept exactly as received; facts' spans are byte offsets into text.",
				"properties": map[string]any{"id": map[string]any{"type": "integer"}, "sha256": map[string]any{"type": "string"},
					"title": map[string]any{"type": "string"}, "published": map[string]any{"type": "string"}, "language": map[string]any{"type": "string"},
					"text": map[string]any{"type": "string"}, "facts": arr(ref("Fact"))}},
			"Fact": map[string]any{"type": "object", "properties": map[string]any{
				"id": map[string]any{"type": "integer"}, "report_id": map[string]any{"type": "integer"},
				"kind":  map[string]any{"type": "string", "enum": []string{casebook.KindPlace, casebook.KindAgency, casebook.KindMoney, casebook.KindEvent}},
				"state": map[string]any{"type": "string"}, "reviewed_by": map[string]any{"type": "string"}, "reviewed_at": map[string]any{"type": "string", "format": "date-time"},
				"place": anyObj, "agency": anyObj, "money": anyObj, "event": anyObj, "machine": anyObj}},
			"Review": map[string]any{"type": "object", "properties": map[string]any{
				"action":    map[string]any{"type": "string", "enum": []string{"confirm", "correct", "reject"}},
				"type":      map[string]any{"type": "string", "enum": casebook.EventTypes},
				"place":     map[string]any{"type": "string", "description": "gazetteer id or name; \"-\" clears"},
				"date_from": map[string]any{"type": "string", "format": "date"}, "date_to": map[string]any{"type": "string", "format": "date"},
				"amount": map[string]any{"type": "string"}, "currency": map[string]any{"type": "string"}, "usd": map[string]any{"type": "string"},
				"target": map[string]any{"type": "string"}, "agency": map[string]any{"type": "string"}, "note": map[string]any{"type": "string"},
				"start": map[string]any{"type": "integer"}, "end": map[string]any{"type": "integer"}, "quote": map[string]any{"type": "string"}}},
		}},
	}
}

var openAPIJSON = openAPIDoc()

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, openAPIJSON)
}
