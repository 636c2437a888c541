/**
 * HTTP plumbing the app's APIs share: bearer-token authentication and JSON responses.
 *
 * <p>Depends only on Helidon and Jackson, never on Kanal's other packages.
 */
package id.kanal.app.web;
