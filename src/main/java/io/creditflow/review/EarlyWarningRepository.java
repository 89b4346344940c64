package io.creditflow.review;

import org.springframework.data.jpa.repository.JpaRepository;

interface EarlyWarningRepository extends JpaRepository<EarlyWarning, String> {}
