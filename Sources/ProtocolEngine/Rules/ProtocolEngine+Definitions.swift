extension ProtocolEngine {
    /// What a situation means in csec-trainer's reading of the protocols, shown with every
    /// category answer. The thresholds come from the vocabulary's suspicion rule.
    public func definition(of situation: Situation) -> String {
        let rule = vocabulary.suspicionRule
        switch situation {
        case .confirmedVictim:
            return "Confirmed victim: law enforcement, child welfare or probation has identified the student as a "
                + "victim, or the student has told staff that they are being exploited."
        case .suspectedVictim:
            let direct = rule.directIndicators == 1 ? "a direct sign" : "\(rule.directIndicators) direct signs"
            return "Suspected victim: \(direct) of exploitation (something of value given for a sexual act, survival sex, "
                + "sextortion, someone else arranging or profiting) or \(rule.warningSigns) or more warning signs, "
                + "not confirmed."
        case .suspectedRecruitment:
            return "Suspected recruitment: the student is recruiting or exploiting other students, or shows signs of it."
        case .atRisk:
            return "At risk: the county's printed at-risk criteria are met, with no sign that exploitation is happening."
        }
    }
}
