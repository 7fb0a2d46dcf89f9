package dev.authwatch.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /admin} is the dashboard: a static page under {@code static/admin/}. */
@Configuration(proxyBeanMethods = false)
class AdminDashboardConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/admin").setViewName("forward:/admin/index.html");
		registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
	}

}
