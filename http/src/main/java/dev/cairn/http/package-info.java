/**
 * Hosting bounded contexts over HTTP. Entry type: {@link dev.cairn.http.CairnServer}, configured
 * with {@link dev.cairn.http.CairnServerConfig}; a context contributes its endpoints through
 * {@link dev.cairn.http.HttpContext} and {@link dev.cairn.http.Routes}, which apply the contract
 * (body checks, read-your-writes, position tokens, errors) the same way for every route.
 */
package dev.cairn.http;
