package org.openretention.segmentation.model;

import java.util.Map;

/** A model with fitted parameters, stored by name with its fit. */
public interface FittedModel {

    /** The parameters by their names in the literature, in the literature's order. */
    Map<String, Double> parameters();
}
