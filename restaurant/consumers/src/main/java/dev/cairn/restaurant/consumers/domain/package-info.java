/**
 * The consumers context: who may order. Entry types: {@link dev.cairn.restaurant.consumers.domain.ConsumerDecider}
 * (a consumer's registration and activity) and {@link dev.cairn.restaurant.consumers.domain.VerificationDecider}
 * (vouching for the consumer of one order), fed by
 * {@link dev.cairn.restaurant.consumers.domain.WhenOrderCreatedThenVerifyConsumer}.
 */
package dev.cairn.restaurant.consumers.domain;
