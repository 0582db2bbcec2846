package org.ftsim.driver;

import org.ftsim.aggregation.Defense;
import org.ftsim.data.BatchPlan;
import org.ftsim.fault.FaultPlan;
import org.ftsim.model.ModelSpec;
import org.ftsim.optim.LearningRateScaling;
import org.ftsim.optim.Optimizer;
import org.ftsim.optim.StepSchedule;
import org.ftsim.optim.WeightDecay;

/**
 * The parts of one run, built once by {@link Assembly} from its configuration and checked against
 * it: the stateful ones (the defense, the optimizer) are the instances the run steps with.
 *
 * @param model the network
 * @param batches which samples each worker computes on at each step
 * @param faults which workers misbehave, when and how
 * @param defense the pre-aggregators and the rule, told the worker count
 * @param optimizer the optimizer
 * @param scaling the learning rate's scaling with k
 * @param initial the parameters the run starts from ({@link InitialParameters})
 * @param state the network's state positions (batch normalisation's running statistics), which
 *     reports never carry and the driver keeps ({@link BatchNormState}); empty without
 * @param momentum the honest workers' momentum ({@code --worker-momentum}), this run's instance
 * @param schedule the learning rate's step schedule ({@code --lr-milestones}, {@code --lr-decay})
 * @param weightDecay the weight decay added to the aggregate ({@code --weight-decay})
 * @param root the server's root gradient ({@code --root-samples}, for {@code -df fltrust}), this
 *     run's instance; null without root samples
 */
public record Components(
    ModelSpec model,
    BatchPlan batches,
    FaultPlan faults,
    Defense defense,
    Optimizer optimizer,
    LearningRateScaling scaling,
    float[] initial,
    int[] state,
    WorkerMomentumStage momentum,
    StepSchedule schedule,
    WeightDecay weightDecay,
    RootGradient root) {}
