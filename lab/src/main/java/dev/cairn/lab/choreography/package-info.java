/**
 * The choreography style: Cairn's restaurant system as it is, its contexts reacting to each
 * other's events on one embedded log. {@link dev.cairn.lab.choreography.Choreography} is the entry.
 */
package dev.cairn.lab.choreography;
