// Package casebook holds the domain of the casebook system: reports of abuses by
// North Korean state organs, the facts extracted from them, their review by
// analysts, and the stores that keep them. Sub-packages provide extraction
// (extract), storage (sqlite, postgres), ingest, export, auth and the web app.
package casebook

// Version is the version of casebook; it is stamped on every stored fact set
// together with the extractor version.
const Version = "0.1.0"
