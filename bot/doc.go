// Package bot is crier's Telegram bot: update intake and the command
// handlers through which subscribers follow sources and admins steer crier.
// Handlers read and change state through the store and never publish
// directly; the outbox delivers whatever they queue.
//
// This first part parses commands the way Telegram clients send them.
package bot
