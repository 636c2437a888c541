/**
 * What the channel adapters share on the HTTP side: form bodies, malformed-request errors, texts
 * in the resident's language.
 *
 * <p>Depends only on dialog.
 */
package id.kanal.channels.web;
