package org.openretention.segmentation.service;

/** A fit was asked for data without any counted purchase: nothing to fit. */
public class NoPurchasesToFit extends RuntimeException {

    public NoPurchasesToFit(String message) {
        super(message);
    }
}
