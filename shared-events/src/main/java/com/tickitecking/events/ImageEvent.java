package com.tickitecking.events;

/** Events about concert images, published by media-service. */
public sealed interface ImageEvent extends DomainEvent permits ImageUploaded, ImageDeleted {

    long imageId();

    long concertId();

    @Override
    default String aggregateId() {
        return "image-" + imageId();
    }
}
