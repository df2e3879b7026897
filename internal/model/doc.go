// Package model holds the plain data that flows through crier, from fetch to
// publish. It has no behaviour beyond small helpers and imports nothing of
// crier's own, so every stage can speak in its terms.
package model
